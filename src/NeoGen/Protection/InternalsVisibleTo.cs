using System.Runtime.CompilerServices;

// The cipher primitives stay internal (only the column format is a contract); their published test vectors are run
// against them directly.
[assembly: InternalsVisibleTo("NeoGen.Protection.Tests")]
