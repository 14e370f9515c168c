using NeoGen.Internal;
using Xunit;

namespace NeoGen.Protection.Tests;

/// <summary>AES-SIV against published vectors: RFC 5297 Appendix A, and 512-bit-key vectors from two test suites.</summary>
public sealed class AesSivVectorTests
{
    public static TheoryData<string, string, string[], string, string> Vectors => new()
    {
        // RFC 5297 Appendix A.1, deterministic authenticated encryption (256-bit key).
        {
            "RFC 5297 A.1",
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
            ["101112131415161718191a1b1c1d1e1f2021222324252627"],
            "112233445566778899aabbccddee",
            "85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c"
        },

        // RFC 5297 Appendix A.2, nonce-based: two associated data components, then the nonce as the last one.
        {
            "RFC 5297 A.2",
            "7f7e7d7c7b7a79787776757473727170404142434445464748494a4b4c4d4e4f",
            [
                "00112233445566778899aabbccddeeffdeaddadadeaddadaffeeddccbbaa99887766554433221100",
                "102030405060708090a0",
                "09f911029d74e35bd84156c5635688c0",
            ],
            "7468697320697320736f6d6520706c61696e7465787420746f20656e6372797074207573696e67205349562d414553",
            "7bdb6e3b432667eb06f4d14bff2fbd0fcb900f2fddbe404326601965c889bf17dba77ceb094fa663b7a3f748ba8af829ea64ad544a272e9c485b62a3fd5c0d"
        },

        // 512-bit keys, verbatim from miscreant's test vectors: github.com/miscreant/meta, vectors/aes_siv.tjson
        // (commit 0acfe390e289c64ed33f77c0ab6d98eee232d929), "NIST SIV test vectors (256-bit subkeys #1/#2)".
        {
            "miscreant 256-bit subkeys #1",
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f06f6e6d6c6b6a69686766656463626160f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff000102030405060708090a0b0c0d0e0f",
            ["101112131415161718191a1b1c1d1e1f2021222324252627"],
            "112233445566778899aabbccddee",
            "f125274c598065cfc26b0e71575029088b035217e380cac8919ee800c126"
        },
        {
            "miscreant 256-bit subkeys #2",
            "7f7e7d7c7b7a797877767574737271706f6e6d6c6b6a69686766656463626160404142434445464748494a4b4c4d4e4f505152535455565758595a5b5b5d5e5f",
            [
                "00112233445566778899aabbccddeeffdeaddadadeaddadaffeeddccbbaa99887766554433221100",
                "102030405060708090a0",
                "09f911029d74e35bd84156c5635688c0",
            ],
            "7468697320697320736f6d6520706c61696e7465787420746f20656e6372797074207573696e67205349562d414553",
            "85b8167310038db7dc4692c0281ca35868181b2762f3c24f2efa5fb80cb143516ce6c434b898a6fd8eb98a418842f51f66fc67de43ac185a66dd72475bbb08"
        },

        // The same file's 256-bit edge cases: no associated data at all, with an empty and a one-block plaintext.
        {
            "miscreant empty AD and plaintext",
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
            [],
            "",
            "f2007a5beb2b8900c588a7adf599f172"
        },
        {
            "miscreant empty AD, block-size plaintext",
            "fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
            [],
            "00112233445566778899aabbccddeeff",
            "f304f912863e303d5b540e5057c7010c942ffaf45b0e5ca5fb9a56a5263bb065"
        },

        // 512-bit keys, verbatim from Project Wycheproof: github.com/C2SP/wycheproof, testvectors/aes_siv_cmac_test.json
        // (commit 7c9c6db85cbdbb497b3cc07bf60acc8453088a39), the keySize 512 group; "aad" is one component.
        {
            "Wycheproof tcId 296 (empty message)",
            "bc7635c1fd566aa8357fd103714bfaee1c9e5b3c578b3980401a981030254a54b1756a8c96e600b7252fd0aab12f39d115d256b3f3e7c2c41a7fece72ba7c3c4",
            [""],
            "",
            "44b1c6fe8a8c07dee5377b161f283c31"
        },
        {
            "Wycheproof tcId 297 (empty message)",
            "aff6388fdd2908e0c3b610e3dcd410c8146a268d6befd5c45ffdd23508b5b311cc3a9d8f838f456436b289018682151dd57d8d65d1a823c06eca8ab8ee01da01",
            ["d0bb2949a411e22d32964526"],
            "",
            "e288d802a0e56ed7544a2e5775459389"
        },
        {
            "Wycheproof tcId 302 (one block)",
            "c25cafc6018b98dfbb79a40ec89c575a4f88c4116489bba27707479800c0130235334a45dbe8d8dae3da8dcb45bbe5dce031b0f68ded544fda7eca30d6749442",
            ["deeb0ccf3aef47a296ed1ca8f4ae5907"],
            "beec61030fa3d670337196beade6aeaa",
            "5865208eab9163db85cab9f96d846234a2626aae22f5c17c9aad4b501f4416e4"
        },
        {
            "Wycheproof tcId 304 (three blocks)",
            "97bfd0f3e9bb8167bbb55f4cdc14529d8307c0ec2c3fe8bc88522d05c1261ba460c9cb4116f630edd74d413ec417324c6e29b566fb2dd3df18e07b53b1f9f83b",
            ["1cda342c166ea208df5c56bcf995a59b"],
            "48ef10ccb1978b53ae73167abe1cc538fa80da3f5df93e3d5c4e9a9ad1f213504f22a694b98a35ad67620af9d8a29fc7",
            "d55c5d0af0260dc1123adb5d7869201f8ccee46deb66dd695c593cde1d7645c72796e42a1733b6705753631b9b626991ddbd28473ce75cfdc4c14d20e66f212d"
        },
        {
            "Wycheproof tcId 305 (one byte)",
            "e2c5662bb18fbb411d0304e4241db073fe60a4704fee290073513038a22b4cd542580b2b4edbc37e3de01c0cb61abcad46986cdc491ce9e5ae5af223ff58b953",
            ["fab912dec29a34aabfaef176"],
            "0d",
            "1c6969ecb15741a9959b7a8492250e391a"
        },
        {
            "Wycheproof tcId 319 (fifteen bytes)",
            "2a93a0c37797bee0c344b9ceed1a609813d8c5ee686d260f3aa6fc2f66dc59f400479d1dfe04e89e6df608a3f699ff1cb4e9bf24a78fb2dfddaa0011a2e40208",
            ["6ae54f41ac52baf2f89abe8e"],
            "3fc3bf53bb485c9edcb1d25adb4ca0",
            "2d344a54038a857f47e0c77eb0834538aaf01e61a8ac82c0012f9dac6f15ef"
        },
        {
            "Wycheproof tcId 320 (seventeen bytes)",
            "139383f3f82dc78e0b380027f9e5fcd2ed23716404be5c554452e4dc73d237026594491820c6b8297185cc1fa84f49a5c7d7cd05c5de090ff1c3397bc2740437",
            ["d39da73ffc03ad0a9213ffc7"],
            "48604944a80fadf50d55b87727934458c8",
            "a9cf73951cb39823777f35c96c845169476e2ec2317cb6b8dd8b6172fdceabff9d"
        },
        {
            "Wycheproof tcId 324 (80 bytes)",
            "72a76714e0171e8213de624f00e273bc900050e69d25c454cc42b61e8b3fbc92d4942e1ae14421e164046c1479a7b9c9f4b50b382cb62dfeaa210b98dec7d937",
            ["6a8aaf2c84003e0e6f409658"],
            "92d8f4dc7d41e8b180d66e8994022db79249cdc76fd7f3ea12d9925b51925250cd75a15fcfd78ea85c57fe6196f8d7545086f99ea796a0ea69170db9944200435d9d3d551943892400ce787f703c1105",
            "69f720f36b0da86ec8cc0f46d62835dcb35ac23f5b891152d861c4e0f0018f19d272ee8b12d83300bfd46aeec0124d5d23b3cb849c1cab1fdf64b70947ebf79f5442e209076dfa9a3f36ab0a6d3cf4a75ddfcdc21837743b20885db4c803ac27"
        },

        // Wycheproof's counter edge cases (the SIV is all zeros or all ones, or has the cleared bits set).
        {
            "Wycheproof tcId 325 (edge case SIV)",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            [""],
            "8dbfee9580e7e2bc66100a674497f4e1",
            "000000000000000000000000000000007ef8aa7e4dd49d9cfa09e9cb574fd90d"
        },
        {
            "Wycheproof tcId 328 (edge case SIV)",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            ["000102030405060708090a0b0c0d0e0f"],
            "404aa73280eb830afde284ba6b18d48a",
            "ffffffffffffffffffffffffffffffff0fae016c086fc20546b374c24f3ebad0"
        },
        {
            "Wycheproof tcId 329 (edge case SIV)",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            [""],
            "ff4d7cdeb8f3c4e37a05a91ee26e2a84",
            "ffffffffffffffffffffffff7fffffffb0a9da80307785ecc1545966c64844de"
        },
        {
            "Wycheproof tcId 331 (edge case SIV)",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            [""],
            "6eb52fc95a5185a3bd2a30d3058414ab",
            "ffffffffffffffff7fffffffffffffff21518997d2d5c4ac067bc0ab21a27af1"
        },
        {
            "Wycheproof tcId 333 (edge case SIV)",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            [""],
            "114cc36e58faceb2e6a2344a679ea4c3",
            "fffffffffffffffffffffffffffffffe2f849650d6e89e2668e990219195719c"
        },
    };

    // Wycheproof's invalid 512-bit cases: tags with flipped bits must be refused.
    public static TheoryData<string, string, string> InvalidVectors => new()
    {
        {
            "Wycheproof tcId 335 (flipped bit 0 in tag)",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            "6ef5b8ef53fc365606cd3ea047374885"
        },
        {
            "Wycheproof tcId 336 (flipped bit 0 in tag)",
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f",
            "202e4a8f8b4c66788f3af230fb1c3ada5ead70c7f066d4df"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Encrypts(string name, string key, string[] associatedData, string plaintext, string expected)
    {
        using var siv = new AesSiv(Hex.Bytes(key));
        var output = new byte[(plaintext.Length / 2) + AesSiv.SivLength];
        siv.Seal(State(siv, associatedData), Hex.Bytes(plaintext), output);
        Assert.True(expected == Hex.Of(output), name);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Decrypts(string name, string key, string[] associatedData, string plaintext, string ciphertext)
    {
        using var siv = new AesSiv(Hex.Bytes(key));
        var output = new byte[(ciphertext.Length / 2) - AesSiv.SivLength];
        Assert.True(siv.Open(State(siv, associatedData), Hex.Bytes(ciphertext), output), name);
        Assert.Equal(plaintext, Hex.Of(output));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void EncryptsInPlace(string name, string key, string[] associatedData, string plaintext, string expected)
    {
        using var siv = new AesSiv(Hex.Bytes(key));
        var buffer = new byte[(plaintext.Length / 2) + AesSiv.SivLength];
        Hex.Bytes(plaintext).CopyTo(buffer, AesSiv.SivLength);
        siv.Seal(State(siv, associatedData), buffer.AsSpan(AesSiv.SivLength), buffer);
        Assert.True(expected == Hex.Of(buffer), name);
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void RefusesAlteredTags(string name, string key, string ciphertext)
    {
        // These cases have no associated data: the message is the only S2V component.
        using var siv = new AesSiv(Hex.Bytes(key));
        var output = new byte[(ciphertext.Length / 2) - AesSiv.SivLength];
        Array.Fill(output, (byte)0xAA);
        Assert.False(siv.Open(State(siv, []), Hex.Bytes(ciphertext), output), name);
        Assert.All(output, b => Assert.Equal(0, b));
    }

    [Fact]
    public void LongMessagesRoundTrip()
    {
        var key = new byte[64];
        new Random(1).NextBytes(key);
        using var siv = new AesSiv(key);
        foreach (var length in new[] { 0, 1, 15, 16, 17, 31, 32, 33, 255, 256, 257, 1000, 5000 })
        {
            var plaintext = new byte[length];
            new Random(length).NextBytes(plaintext);
            var state = State(siv, ["6865616465"]);
            var sealedValue = new byte[length + 16];
            siv.Seal(state, plaintext, sealedValue);
            var opened = new byte[length];
            Assert.True(siv.Open(state, sealedValue, opened));
            Assert.Equal(plaintext, opened);
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(40)]
    [InlineData(128)]
    public void RefusesOtherKeyLengths(int length)
        => Assert.Throws<ArgumentException>(() => new AesSiv(new byte[length]));

    private static byte[] State(AesSiv siv, string[] associatedData)
    {
        var state = new byte[16];
        siv.Start(state);
        foreach (var component in associatedData)
        {
            siv.Absorb(state, Hex.Bytes(component));
        }

        return state;
    }
}
