package io.relaybox.connectctl.cli;

import java.io.UncheckedIOException;
import java.util.Map;

import io.relaybox.connectctl.ConnectRestException;
import io.relaybox.connectctl.ConnectorFileException;
import io.relaybox.connectctl.InvalidConnectorsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** connectctl: manages Kafka Connect connectors through the worker's REST API, declaratively, from connector files. */
@Command(name = "connectctl", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "connectctl (relaybox) 0.1.0",
        description = "Manages Kafka Connect connectors through the worker's REST API, declaratively, from connector files.",
        subcommands = {ApplyCommand.class, ValidateCommand.class, DiffCommand.class, StatusCommand.class, RestartCommand.class,
                LifecycleCommand.Pause.class, LifecycleCommand.Resume.class, LifecycleCommand.Stop.class, DeleteCommand.class,
                OffsetsCommand.class, PluginsCommand.class, WaitCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%n",
        footer = {
                "Placeholders: the tool resolves $${env:NAME} from its own environment in every setting except secret ones. A setting "
                        + "is secret when the plugin's ConfigDef gives it the type PASSWORD or, for keys the ConfigDef does not know, "
                        + "when its key contains password, secret, token, credential, sasl.jaas.config, key.password or api.key. "
                        + "Secret settings must be config-provider references ($${env:RELAYBOX_X}, $${file:/path:key}) that the "
                        + "worker resolves; a literal secret is refused. An unset variable in a non-secret setting is an error. "
                        + "$${name} without a colon (such as $${routedByValue}) is no placeholder and stays.",
                "",
                "Output masks secret values as **** (a whole reference such as $${env:RELAYBOX_X} holds no secret and is shown).",
                "",
                "Order of settings: the file, then the profile's set.* (only where the file has the key), then --set.",
                "",
                "Exit status: 0 done; 1 invalid connectors (field errors, unresolvable placeholders, literal secrets, suspected "
                        + "renames), a state not reached (wait), differences (diff --exit-code); 2 usage, file or connection errors "
                        + "(malformed JSON, worker unreachable, 401, 403, 404, 409 after retries)."})
public final class ConnectCtl implements Runnable {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int ERROR = 2;

    private final Map<String, String> environment;

    /** A tool that reads the process's environment. */
    public ConnectCtl() {
        this(System.getenv());
    }

    /**
     * A tool that reads these variables instead of the process's environment ({@code ${env:NAME}}, {@code CONNECT_URL},
     * {@code CONNECT_USER}, {@code CONNECT_PASSWORD}, {@code CONNECTCTL_PROFILE}, {@code RELAYBOX_RUN_FOLDER}).
     */
    public ConnectCtl(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(commandLine(new ConnectCtl()).execute(args));
    }

    /** The command line of the tool, with its error handling; {@code execute(args)} runs it and returns the exit status. */
    public static CommandLine commandLine(ConnectCtl tool) {
        return new CommandLine(tool).setExecutionExceptionHandler(ConnectCtl::handle).setParameterExceptionHandler(ConnectCtl::usageError)
                .setCaseInsensitiveEnumValuesAllowed(true).setUsageHelpAutoWidth(true);
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a command, e.g. connectctl apply -f connectors/");
    }

    /** A mistake on the command line: one line naming it and where the help is, exit status 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("connectctl: " + e.getMessage() + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int handle(Exception e, CommandLine command, ParseResult parseResult) {
        if (e instanceof InvalidConnectorsException invalid) {
            invalid.problems().forEach(p -> command.getErr().println("invalid " + p));
            command.getErr().println("connectctl: " + invalid.problems().size() + " problem(s); nothing was applied");
            return INVALID;
        }
        if (e instanceof ConnectRestException rest) {
            String hint = rest.status() == 401 && command.getCommand() instanceof WorkerCommand worker ? " (" + worker.credentialsOrigin() + ")" : "";
            command.getErr().println("connectctl: " + rest.getMessage() + hint);
            return ERROR;
        }
        if (e instanceof ConnectorFileException || e instanceof UncheckedIOException) {
            command.getErr().println("connectctl: " + e.getMessage());
            return ERROR;
        }
        command.getErr().println("connectctl: " + e);
        return ERROR;
    }
}
