namespace NeoGen.Sql.Tests;

public class SqlNamesTests
{
    private static readonly string[] Columns = { "id", "email", "display_name", "created_at", "phone_number" };

    [Theory]
    [InlineData("emial", "email")]
    [InlineData("emal", "email")]
    [InlineData("mail", "email")]
    [InlineData("EMAIL_", "email")]
    [InlineData("displayName", "display_name")]
    [InlineData("craeted_at", "created_at")]
    [InlineData("phone", "phone_number")]
    [InlineData("total", null)]
    [InlineData("di", "id")]
    [InlineData("xy", null)]
    public void The_closest_name_is_a_typo_away_or_none(string name, string? expected)
        => Assert.Equal(expected, SqlNames.Closest(name, Columns));
}
