namespace NeoGen.Generator.Emitting;

internal static class ThisAssembly
{
    public const string Version = "0.1.0";
}
