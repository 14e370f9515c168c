using System.Runtime.CompilerServices;
using Xunit;

namespace NeoGen.Generator.Tests;

/// <summary>
/// Compares generated text with a reviewed copy in Snapshots/. A difference fails and leaves a
/// <c>.received</c> file next to the verified one; set NEOGEN_ACCEPT_SNAPSHOTS=1 to accept new output.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = SnapshotDirectory(callerPath);
        var verified = Path.Combine(directory, name + ".verified.cs.txt");
        var received = Path.Combine(directory, name + ".received.cs.txt");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable("NEOGEN_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        if (!File.Exists(verified))
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"No verified snapshot '{name}'. Review {received} and accept it with NEOGEN_ACCEPT_SNAPSHOTS=1.");
        }

        var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail($"Snapshot '{name}' differs at line {line + 1}:\n  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n  actual:   {(line < actualLines.Length ? actualLines[line] : "<end>")}\nReceived output: {received}");
    }

    /// <summary>
    /// Snapshots/ of this project, found from the test binaries upwards: CI builds map source paths to
    /// "/_/" (deterministic builds), so the caller's path is only the fallback.
    /// </summary>
    private static string SnapshotDirectory(string callerPath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "NeoGen.Generator.Tests", "Snapshots");
            if (File.Exists(Path.Combine(directory.FullName, "NeoGen.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        var beside = Path.Combine(Path.GetDirectoryName(callerPath) ?? string.Empty, "Snapshots");
        return Directory.Exists(beside)
            ? beside
            : throw new DirectoryNotFoundException($"Snapshots folder not found above {AppContext.BaseDirectory} or beside {callerPath}.");
    }
}
