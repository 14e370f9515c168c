using System;
using System.IO;

namespace NeoGen.Sql.Tests;

/// <summary>Public sample schemas kept verbatim in <c>tests/Schemas</c>.</summary>
internal static class PublicSchemas
{
    public static string Read(string fileName) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", fileName));
}
