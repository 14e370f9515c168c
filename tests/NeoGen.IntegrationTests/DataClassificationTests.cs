using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using NeoGen.Compliance;
using Xunit;

namespace NeoGen.IntegrationTests;

/// <summary>
/// With Microsoft.Extensions.Compliance referenced, the generator writes the data classifications of protected
/// members, so the host's redactors apply to them.
/// </summary>
public sealed class DataClassificationTests
{
    [Fact]
    public void Masked_and_encrypted_members_map_to_classifications_the_hosts_redactors_use()
    {
        Assert.Equal(NeoGenDataClassifications.Phone, Patient.DataClassifications["Phone"]);
        Assert.Equal(NeoGenDataClassifications.Email, Patient.DataClassifications["Email"]);
        Assert.Equal(NeoGenDataClassifications.Encrypted, Patient.DataClassifications["Diagnosis"]);
        Assert.Equal(NeoGenDataClassifications.Encrypted, Patient.DataClassifications["Balance"]);
        Assert.False(Patient.DataClassifications.ContainsKey("Name"));
        Assert.Equal("NeoGen", NeoGenDataClassifications.Email.TaxonomyName);
        Assert.Equal(NeoGenDataClassifications.Phone, new NeoGenPhoneAttribute().Classification);

        using var services = new ServiceCollection()
            .AddRedaction(redaction => redaction.SetRedactor<ErasingRedactor>(NeoGenDataClassifications.All))
            .BuildServiceProvider();
        var redactors = services.GetRequiredService<Microsoft.Extensions.Compliance.Redaction.IRedactorProvider>();
        Assert.Equal(string.Empty, redactors.GetRedactor(Patient.DataClassifications["Email"]).Redact("ann@example.com"));
        Assert.Equal(string.Empty, redactors.GetRedactor(Patient.DataClassifications["Diagnosis"]).Redact("flu"));
    }
}
