using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace NeoGen.Protection.Tests;

public sealed class MaskingTests
{
    // Non-ASCII inputs: a family emoji (one text element of seven chars), a thumbs-up with a skin tone, letters with
    // combining accents, CJK.
    private const string Family = "👩‍👩‍👧‍👦";
    private const string Thumb = "👍🏽";
    private const string ECombining = "e\u0301";

    [Theory]
    [InlineData("Full", null, null)]
    [InlineData("Full", "", "")]
    [InlineData("Full", "a", "****")]
    [InlineData("Full", "a much longer secret value", "****")]
    [InlineData("Full", Family, "****")]
    [InlineData("Partial", null, null)]
    [InlineData("Partial", "", "")]
    [InlineData("Partial", "a", "***")]
    [InlineData("Partial", "ab", "a***")]
    [InlineData("Partial", "abc", "a***")]
    [InlineData("Partial", "abcd", "a***d")]
    [InlineData("Partial", "Jonathan", "J***n")]
    [InlineData("Partial", "日本語テキスト", "日***ト")]
    [InlineData("Partial", Family + "abc" + Thumb, Family + "***" + Thumb)]
    [InlineData("Partial", ECombining + "tud" + ECombining, ECombining + "***" + ECombining)]
    [InlineData("Partial", Family + Thumb, Family + "***")]
    [InlineData("Email", null, null)]
    [InlineData("Email", "", "")]
    [InlineData("Email", "john.doe@example.com", "j***@example.com")]
    [InlineData("Email", "a@example.com", "***@example.com")]
    [InlineData("Email", ECombining + "lodie@exemple.fr", ECombining + "***@exemple.fr")]
    [InlineData("Email", Family + "x@example.com", Family + "***@example.com")]
    [InlineData("Email", "用户@例子.中国", "用***@例子.中国")]
    [InlineData("Email", "a@b@example.com", "a***@example.com")]
    [InlineData("Email", "not-an-address", "****")]
    [InlineData("Email", "@example.com", "****")]
    [InlineData("Email", "john@", "****")]
    [InlineData("Email", "jo hn@example.com", "****")]
    [InlineData("Phone", null, null)]
    [InlineData("Phone", "", "")]
    [InlineData("Phone", "555-123-4567", "***-***-4567")]
    [InlineData("Phone", "+44 20 7946 0958", "+** ** **** 0958")]
    [InlineData("Phone", "(555) 123.4567", "(***) ***.4567")]
    [InlineData("Phone", "12345678", "****5678")]
    [InlineData("Phone", "1234567", "****567")]
    [InlineData("Phone", "1234", "**34")]
    [InlineData("Phone", "1", "*")]
    [InlineData("Phone", "٠١٢٣٤٥٦٧٨٩", "******٦٧٨٩")]
    [InlineData("Phone", "555 1234 x" + Thumb, "*** *234 **")]
    [InlineData("Phone", "call me", "****")]
    [InlineData("Card", null, null)]
    [InlineData("Card", "", "")]
    [InlineData("Card", "4111 1111 1111 1111", "**** **** **** 1111")]
    [InlineData("Card", "4111-1111-1111-1234", "****-****-****-1234")]
    [InlineData("Card", "4111111111111234", "************1234")]
    [InlineData("Card", "378282246310005", "***********0005")]
    [InlineData("Card", "4111 1111 1111 123x", "**** **** ***1 123*")]
    [InlineData("Card", "1234567", "****567")]
    [InlineData("Card", "123", "**3")]
    [InlineData("Card", "7", "*")]
    [InlineData("Card", "4111.1111", "*****1111")]
    [InlineData("Card", "no digits", "****")]
    public void Masks(string kind, string? value, string? expected)
    {
        var masked = kind switch
        {
            "Full" => Masking.Full(value),
            "Partial" => Masking.Partial(value),
            "Email" => Masking.Email(value),
            "Phone" => Masking.Phone(value),
            "Card" => Masking.CardNumber(value),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Assert.Equal(expected, masked);
    }

    [Theory]
    [InlineData("abcdefghij", 3, 2, "abc***ij")]
    [InlineData("abcdefghij", 5, 5, "abcde***")]
    [InlineData("abcdefghij", 9, 0, "abcde***")]
    [InlineData("abcdefghij", 0, 9, "***fghij")]
    [InlineData("abcdefghij", 0, 0, "***")]
    [InlineData("日本語テキスト", 2, 2, "日本***ト")]
    [InlineData("日本語テキスト語", 2, 2, "日本***ト語")]
    public void PartialKeepsWhatItIsAskedWithinHalf(string value, int keepStart, int keepEnd, string expected)
        => Assert.Equal(expected, Masking.Partial(value, keepStart, keepEnd));

    [Fact]
    public void PartialRefusesNegativeCounts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Masking.Partial("abc", -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Masking.Partial("abc", 1, -1));
    }

    [Fact]
    public void FullNeverRevealsTheLength()
    {
        var masks = Enumerable.Range(1, 100).Select(n => Masking.Full(new string('x', n))).Distinct();
        Assert.Equal(["****"], masks);
    }

    [Fact]
    public void MasksNeverSplitATextElement()
    {
        var values = new[] { Family + Family + Family, ECombining + ECombining + ECombining + ECombining, "a" + Thumb + "b" + Thumb };
        foreach (var value in values)
        {
            foreach (var masked in new[] { Masking.Partial(value, 1, 1)!, Masking.Partial(value, 2, 0)!, Masking.Partial(value, 0, 2)! })
            {
                // Every text element of the mask is a star or one of the value's own elements.
                var own = Elements(value).ToHashSet();
                Assert.All(Elements(masked), e => Assert.True(e == "*" || own.Contains(e), $"'{e}' split from '{value}'"));
            }
        }
    }

    [Fact]
    public void CardNumbersNeverShowMoreThanPciAllowsOrHalf()
    {
        for (var digits = 1; digits <= 19; digits++)
        {
            var number = string.Concat(Enumerable.Range(0, digits).Select(i => (char)('1' + (i % 9))));
            var masked = Masking.CardNumber(number)!;
            var shown = masked.Count(char.IsAsciiDigit);
            Assert.Equal(Math.Min(4, digits / 2), shown);
            Assert.True(shown <= digits / 2);

            // What shows is the end of the number, never its start.
            Assert.EndsWith(number[^shown..], masked, StringComparison.Ordinal);
            Assert.Equal(digits, masked.Length);
        }
    }

    [Fact]
    public void HashIsKeyedStableAndShort()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var hash = Masking.Hash("alice@example.com", key)!;
        Assert.Matches("^#[0-9a-f]{16}$", hash);
        Assert.Equal(hash, Masking.Hash("alice@example.com", key));
        Assert.NotEqual(hash, Masking.Hash("bob@example.com", key));
        Assert.NotEqual(hash, Masking.Hash("alice@example.com", RandomNumberGenerator.GetBytes(32)));

        var expected = "#" + Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("alice@example.com")), 0, 8).ToLowerInvariant();
        Assert.Equal(expected, hash);
        Assert.Matches("^#[0-9a-f]{16}$", Masking.Hash(Family + ECombining, key));

        Assert.Null(Masking.Hash(null, key));
        Assert.Equal("", Masking.Hash("", key));
        Assert.Throws<ArgumentException>(() => Masking.Hash("x", new byte[8]));
    }

    private static IEnumerable<string> Elements(string value)
    {
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext())
        {
            yield return (string)enumerator.Current;
        }
    }
}
