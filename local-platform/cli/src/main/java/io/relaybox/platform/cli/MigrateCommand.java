package io.relaybox.platform.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.relaybox.platform.MigrationApi;
import io.relaybox.platform.MigrationDiff;
import io.relaybox.platform.MigrationProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./platform migrate}: each capability's migration mode in the order monolith, the switch between modes, their
 * history and the shadow diff, through the monolith's migration API.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Move a capability of the order monolith to its service, one mode at a time: monolith, sync, shadow (the parallel "
                + "run: both decide, the monolith compares), events. The monolith refuses a cut-over whose checks fail (e.g. a shadow diff "
                + "that is not empty or not drained) and says why.",
            "Without a MODE or --report: each capability's mode now."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:the monolith refused (its reason is printed)", "2:bad usage, or the platform or the monolith does not run"},
        footer = {"", "Example: ./platform migrate --report",
            "  ./platform migrate                       each capability's mode",
            "  ./platform migrate --history inventory   its switches, newest first",
            "  ./platform migrate inventory shadow --share 0.25 --reason \"start the parallel run\"",
            "  ./platform migrate inventory events --reason \"diff empty for a day\""})
final class MigrateCommand implements Callable<Integer> {

    /** The exit status of a request the monolith refused. */
    static final int REFUSED = 1;

    @ParentCommand
    PlatformCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CAPABILITY", converter = MigrationCapability.Converter.class,
            completionCandidates = MigrationCapability.Names.class, description = "The capability: ${COMPLETION-CANDIDATES} (any case).")
    MigrationCapability capability;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MODE", converter = MigrationMode.Converter.class,
            completionCandidates = MigrationMode.Names.class, description = "Switch CAPABILITY to this mode: ${COMPLETION-CANDIDATES} (any case).")
    MigrationMode mode;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; a switch needs one, the history keeps it.")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "Who switches, kept in the history (default: $USER, else the login name).")
    String by;

    @Option(names = "--share", paramLabel = "0..1", description = "With shadow: the share of orders the service decides too "
            + "(default: the monolith's, 1).")
    Double share;

    @Option(names = "--force", description = "Switch although a check of the cut-over fails.")
    boolean force;

    @Option(names = "--report", description = "The shadow diff per capability (or of CAPABILITY): mode, matched / mismatched / pending "
            + "orders, mismatches by category, the latest mismatches with both sides.")
    boolean report;

    @Option(names = "--history", description = "The switches of CAPABILITY, newest first.")
    boolean history;

    @Option(names = "--json", description = "Print the monolith's answer as JSON for scripts.")
    boolean json;

    /** What a command line asks for. */
    enum Action {
        /** Each capability's mode (or CAPABILITY's). */
        MODES,
        /** Switch CAPABILITY to MODE. */
        SWITCH,
        /** CAPABILITY's switches. */
        HISTORY,
        /** The shadow diff. */
        REPORT
    }

    @Override
    public Integer call() {
        Action action = action();
        MigrationApi api = PlatformClients.migration(cli.runFolder());
        try {
            return run(action, api);
        } catch (MigrationProblem problem) {
            PrintWriter err = spec.commandLine().getErr();
            err.println((problem.refused() ? "refused: " : "error: ") + problem.getMessage());
            if (problem.refused() && action == Action.SWITCH) {
                err.println("nothing changed; ./platform migrate --report shows the shadow diff");
            }
            err.flush();
            return REFUSED;
        }
    }

    private int run(Action action, MigrationApi api) {
        switch (action) {
            case SWITCH -> {
                MigrationApi.CapabilityMode switched = api.switchMode(capability.apiName(), mode.apiName(), changedBy(), reason, share, force);
                print(json ? toJson(switched) : MigrationText.switched(switched));
            }
            case HISTORY -> {
                List<MigrationApi.ModeChange> changes = api.history(capability.apiName());
                print(json ? toJson(changes) : String.join(System.lineSeparator(), MigrationText.history(capability.apiName(), changes)));
            }
            case REPORT -> {
                MigrationDiff diff = only(api.diff());
                print(json ? toJson(diff) : String.join(System.lineSeparator(), MigrationText.report(diff)));
            }
            case MODES -> {
                List<MigrationApi.CapabilityMode> modes = api.modes().stream()
                        .filter(m -> capability == null || capability.apiName().equals(m.capability())).toList();
                print(json ? toJson(modes) : String.join(System.lineSeparator(), MigrationText.modes(modes)));
            }
        }
        return 0;
    }

    /**
     * What the arguments ask for, checked before any request.
     *
     * @throws ParameterException for a combination that means nothing, e.g. {@code --share} without {@code shadow}
     */
    Action action() {
        if (report && history) {
            throw usage("--report and --history: give one");
        }
        if (mode != null && (report || history)) {
            throw usage("MODE switches; --report and --history only read: give one");
        }
        if (mode == null && (reason != null || by != null || share != null || force)) {
            throw usage("--reason, --by, --share and --force go with a switch: give CAPABILITY and MODE");
        }
        // the monolith refuses a blank reason too (400); asked here, the user learns it before any request
        if (mode != null && (reason == null || reason.isBlank())) {
            throw usage("a switch needs --reason TEXT: the history keeps why " + capability.apiName() + " went " + mode.apiName());
        }
        if (share != null && mode != MigrationMode.SHADOW) {
            throw usage("--share is the share of orders a shadow run compares: it goes with MODE shadow, not " + mode.apiName());
        }
        if (share != null && (share.isNaN() || share < 0 || share > 1)) {
            throw usage("--share must be between 0 and 1, e.g. 0.25, not " + share);
        }
        if (history && capability == null) {
            throw usage("--history needs a CAPABILITY: " + String.join(", ", LowerCaseEnum.names(MigrationCapability.class)));
        }
        if (report) {
            return Action.REPORT;
        }
        if (history) {
            return Action.HISTORY;
        }
        return mode != null ? Action.SWITCH : Action.MODES;
    }

    /** Who switches: {@code --by}, else {@code $USER}, else the JVM's user name. */
    String changedBy() {
        return changedBy(by, System.getenv(), System.getProperty("user.name"));
    }

    static String changedBy(String given, Map<String, String> environment, String userName) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String user = environment.get("USER");
        return user != null && !user.isBlank() ? user : userName;
    }

    /** The diff of CAPABILITY only, when one is given. */
    private MigrationDiff only(MigrationDiff diff) {
        if (capability == null) {
            return diff;
        }
        return new MigrationDiff(diff.capabilities().stream().filter(c -> capability.apiName().equals(c.capability())).toList());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(text);
        out.flush();
    }

    private static String toJson(Object answer) {
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(answer);
    }
}
