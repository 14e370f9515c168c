using NeoGen.Internal;
using Xunit;

namespace NeoGen.Protection.Tests;

/// <summary>AES-CMAC against RFC 4493 §4 (the AES-128 examples, also NIST SP 800-38B's).</summary>
public sealed class CmacVectorTests
{
    private const string Key = "2b7e151628aed2a6abf7158809cf4f3c";

    private const string Message =
        "6bc1bee22e409f96e93d7e117393172a" +
        "ae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52ef" +
        "f69f2445df4f9b17ad2b417be66c3710";

    [Theory]
    [InlineData(0, "bb1d6929e95937287fa37d129b756746")]
    [InlineData(16, "070a16b46b4d4144f79bdd9dd04a287c")]
    [InlineData(40, "dfa66747de9ae63030ca32611497c827")]
    [InlineData(64, "51f0bebf7e3b9d92fc49741779363cfe")]
    public void Rfc4493Examples(int length, string expected)
    {
        using var cmac = new AesCmac(Hex.Bytes(Key));
        var tag = new byte[16];
        cmac.Compute(Hex.Bytes(Message).AsSpan(0, length), tag);
        Assert.Equal(expected, Hex.Of(tag));
    }

    [Fact]
    public void Rfc4493Subkeys()
    {
        // RFC 4493 §4: AES-128(key, 0) = 7df76b0c..., K1 = fbeed618..., K2 = f7ddac30...
        using var cmac = new AesCmac(Hex.Bytes(Key));
        var l = new byte[16];
        cmac.EncryptBlock(new byte[16], l);
        Assert.Equal("7df76b0c1ab899b33e42f047b91b546f", Hex.Of(l));
        var k1 = new byte[16];
        AesCmac.Double(l, k1);
        Assert.Equal("fbeed618357133667c85e08f7236a8de", Hex.Of(k1));
        var k2 = new byte[16];
        AesCmac.Double(k1, k2);
        Assert.Equal("f7ddac306ae266ccf90bc11ee46d513b", Hex.Of(k2));
    }

    [Fact]
    public void LongMessagesTakeTheCbcPathAndAgreeWithTheBlockPath()
    {
        // Long messages chain through CBC one-shots, short ones block by block: both must agree with the RFC's
        // algorithm written out plainly.
        var key = Hex.Bytes(Key);
        using var cmac = new AesCmac(key);
        var random = new Random(7);
        foreach (var length in new[] { 95, 96, 97, 255, 256, 257, 1000, 4096 })
        {
            var message = new byte[length];
            random.NextBytes(message);
            var tag = new byte[16];
            cmac.Compute(message, tag);
            Assert.Equal(Hex.Of(ReferenceCmac(key, message)), Hex.Of(tag));
        }
    }

    // RFC 4493 §2.4 written out with nothing but single-block ECB, to check the optimized chain against.
    private static byte[] ReferenceCmac(byte[] key, byte[] message)
    {
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = key;
        byte[] Encrypt(byte[] block) => aes.EncryptEcb(block, System.Security.Cryptography.PaddingMode.None);
        var l = Encrypt(new byte[16]);
        var k1 = new byte[16];
        AesCmac.Double(l, k1);
        var k2 = new byte[16];
        AesCmac.Double(k1, k2);
        var n = Math.Max(1, (message.Length + 15) / 16);
        var complete = message.Length > 0 && message.Length % 16 == 0;
        var last = new byte[16];
        var lastStart = (n - 1) * 16;
        for (var i = 0; i < 16; i++)
        {
            if (complete)
            {
                last[i] = (byte)(message[lastStart + i] ^ k1[i]);
            }
            else
            {
                var b = lastStart + i < message.Length ? message[lastStart + i] : lastStart + i == message.Length ? (byte)0x80 : (byte)0;
                last[i] = (byte)(b ^ k2[i]);
            }
        }

        var x = new byte[16];
        for (var block = 0; block < n - 1; block++)
        {
            for (var i = 0; i < 16; i++)
            {
                x[i] ^= message[(block * 16) + i];
            }

            x = Encrypt(x);
        }

        for (var i = 0; i < 16; i++)
        {
            x[i] ^= last[i];
        }

        return Encrypt(x);
    }
}
