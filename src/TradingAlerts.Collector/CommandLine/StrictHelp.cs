using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace TradingAlerts.CommandLine;

/// <summary>
/// <c>--help</c> that refuses tokens it cannot place. System.CommandLine's help clears every parse error, so
/// <c>nosuch --help</c> printed the root's help and exited 0: a script calling a removed command looked fine.
/// Required options stay unchecked, so <c>replay --help</c> still works without <c>--csv</c>.
/// </summary>
/// <remarks>Compiled into both command-line tools (the collector and tools/TradingAlerts.DevTools).</remarks>
internal static class StrictHelp
{
    public static RootCommand WithStrictHelp(this RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new RefuseUnmatched((HelpAction)help.Action!);
        return root;
    }

    private sealed class RefuseUnmatched(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.UnmatchedTokens.Count == 0)
            {
                return help.Invoke(parseResult);
            }

            var command = parseResult.CommandResult.Command;
            var name = command == parseResult.RootCommandResult.Command ? command.Name : $"{parseResult.RootCommandResult.Command.Name} {command.Name}";
            var error = parseResult.InvocationConfiguration.Error;
            foreach (var token in parseResult.UnmatchedTokens)
            {
                error.WriteLine($"Unrecognized command or argument '{token}' for '{name}'.");
            }

            if (command.Subcommands.Count > 0)
            {
                error.WriteLine($"Commands of {name}: {string.Join(", ", command.Subcommands.Select(c => c.Name))} (see '{name} --help').");
            }

            return 1;
        }
    }
}
