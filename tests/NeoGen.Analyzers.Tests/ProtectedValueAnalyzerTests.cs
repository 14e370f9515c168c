using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NeoGen.Analyzers.Protection;

namespace NeoGen.Analyzers.Tests;

/// <summary>NG4006 in user code: protected members logged or formatted in clear, and the masked forms that are silent.</summary>
public sealed class ProtectedValueAnalyzerTests
{
    private const string Stubs = """
        #nullable enable
        namespace NeoGen
        {
            using System;
            public enum MaskKind { Full = 0, Partial = 1, Email = 2, Phone = 3, CardNumber = 4, Hash = 5 }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class MaskedAttribute : Attribute { public MaskedAttribute(MaskKind kind = MaskKind.Full) { } }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
            public sealed class EncryptedAttribute : Attribute { public bool Deterministic { get; set; } }
            public static class Masking { public static string? Phone(string? value) => value; public static string? Email(string? value) => value; }
        }
        namespace Microsoft.Extensions.Logging
        {
            using System;
            public interface ILogger { }
            public static class LoggerExtensions
            {
                public static void LogInformation(this ILogger logger, string? message, params object?[] args) { }
            }
            [AttributeUsage(AttributeTargets.Method)]
            public sealed class LoggerMessageAttribute : Attribute { public LoggerMessageAttribute(int eventId, string message) { } }
        }
        """;

    private const string Model = """
        using Microsoft.Extensions.Logging;
        using NeoGen;

        public sealed record Patient
        {
            public long Id { get; init; }
            public string Name { get; init; } = "";
            [Encrypted(Deterministic = true), Masked(MaskKind.Phone)] public string Phone { get; init; } = "";
            [Encrypted] public string? Diagnosis { get; init; }
            public Patient ToMasked() => this;
        }

        public sealed record Contact(long Id, [property: Masked(MaskKind.Email)] string Email);

        public static partial class Log
        {
            [LoggerMessage(1, "Patient {Phone}")]
            public static partial void Patient(ILogger logger, string phone);
            public static partial void Patient(ILogger logger, string phone) { }
        }

        """;

    private static Task Run(string body, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ProtectedValueAnalyzer, DefaultVerifier>
        {
            TestCode = Model + "public static class Calls\n{\n    public static void Run(ILogger logger, Patient patient, Contact contact)\n    {\n" + body + "\n    }\n}\n",
            ReferenceAssemblies = TestReferences.None,
        };
        TestReferences.Configure(test.TestState, test.SolutionTransforms);
        test.TestState.Sources.Add(("/0/Stubs.cs", Stubs));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult NG4006(int location, string message)
        => new DiagnosticResult("NG4006", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(message);

    [Fact]
    public Task Masked_forms_are_silent() => Run("""
                logger.LogInformation("Patient {Patient}", patient);
                logger.LogInformation("Patient {Patient}", patient.ToMasked());
                logger.LogInformation("Phone {Phone}", Masking.Phone(patient.Phone));
                logger.LogInformation($"Patient {patient.Id} {patient.Name}");
                var text = $"{patient}";
                var name = "Name: " + patient.Name;
                var length = patient.Phone.Length;
                logger.LogInformation($"Masked {patient.ToMasked().Phone}");
                var copy = patient.ToMasked();
                logger.LogInformation("Masked {Phone}", copy.Phone);
        """);

    [Fact]
    public Task Logged_interpolated_formatted_and_concatenated_protected_members_are_NG4006() => Run("""
                logger.LogInformation("Phone {Phone}", {|#0:patient.Phone|});
                logger.LogInformation($"Diagnosis {{|#1:patient.Diagnosis|}}");
                Log.Patient(logger, {|#2:patient.Phone|});
                var text = $"Mail {{|#3:contact.Email|}}";
                var formatted = string.Format("{0}", {|#4:patient.Phone|});
                var joined = "Phone: " + {|#5:patient.Phone|};
        """,
        NG4006(0, "'patient.Phone' is [Masked] but is logged in clear; log patient.ToMasked() or Masking.Phone(patient.Phone) instead"),
        NG4006(1, "'patient.Diagnosis' is [Encrypted] but is logged in clear; log patient.ToMasked() or Masking.Full(patient.Diagnosis) instead"),
        NG4006(2, "'patient.Phone' is [Masked] but is logged in clear; log patient.ToMasked() or Masking.Phone(patient.Phone) instead"),
        NG4006(3, "'contact.Email' is [Masked] but is interpolated into a string in clear; use Masking.Email(contact.Email) instead"),
        NG4006(4, "'patient.Phone' is [Masked] but is formatted into a string in clear; use patient.ToMasked() or Masking.Phone(patient.Phone) instead"),
        NG4006(5, "'patient.Phone' is [Masked] but is concatenated into a string in clear; use patient.ToMasked() or Masking.Phone(patient.Phone) instead"));
}
