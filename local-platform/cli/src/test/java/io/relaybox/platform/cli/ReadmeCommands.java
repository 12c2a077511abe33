package io.relaybox.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

import io.relaybox.connectctl.cli.ConnectCtl;
import io.relaybox.platform.PlatformLayout;
import picocli.CommandLine;

/**
 * Every command of README.md's {@code bash} blocks works as written, against a running platform (SupervisedPlatformIT's,
 * before its fault drills). Commands that only read (status, verify, list, curl) run for real, from a folder whose
 * {@code .relaybox} is that platform's run folder, with the README's well-known ports replaced by the platform's;
 * commands that would start, stop or reconfigure the platform are parsed by their tool, so every command and option
 * they name exists; Maven commands name modules and profiles that exist.
 */
final class ReadmeCommands {

    private static final Set<String> READ_ONLY_CONNECTCTL = Set.of("status", "plugins");
    private static final Pattern MAVEN_MODULES = Pattern.compile("-pl\\s+(\\S+)");
    private static final Pattern MAVEN_PROFILE = Pattern.compile("-P(\\S+)");

    private final Path home;
    private final Path runFolder;
    private final Path user;
    private final Map<String, String> ports = new LinkedHashMap<>();

    /**
     * @param runFolder the running platform's run folder
     * @param endpoints its endpoints ({@code platform.json}), whose ports replace the README's well-known ones
     */
    ReadmeCommands(Path runFolder, Map<String, String> endpoints) throws IOException {
        this.home = PlatformLayout.detect().home();
        this.runFolder = runFolder;
        this.user = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "readme-user");
        Files.createSymbolicLink(user.resolve(".relaybox"), runFolder);
        ports.put("18080", port(endpoints.get("orders-api")));
        ports.put("19200", port(endpoints.get("elasticsearch")));
        ports.put("18083", port(endpoints.get("connect")));
        ports.put("19000", port(endpoints.get("s3")));
    }

    /** One dynamic test per command of README.md. */
    Stream<DynamicTest> everyCommand() throws IOException {
        List<ReadmeCommand> commands = ReadmeCommand.parse(Files.readString(home.resolve("README.md")));
        assertThat(commands).as("commands in README.md").hasSizeGreaterThan(10);
        return commands.stream().map(command -> dynamicTest("README.md:" + command.line() + " " + command.text(), () -> check(command)));
    }

    private void check(ReadmeCommand command) throws Exception {
        List<String> words = command.words();
        String program = words.get(0);
        List<String> arguments = words.subList(1, words.size());
        switch (program) {
            case "./platform" -> platform(arguments);
            case "connect-config/connectctl" -> connectctl(command, arguments);
            case "connectors/archive-tool/archive-tool" -> assertSucceeds(command, shell(command.text()));
            case "curl" -> assertSucceeds(command, shell(withPlatformPorts(command.text())));
            case "mvn" -> maven(command.text());
            case "sudo" -> Assumptions.abort("installs system packages: not run by a test");
            default -> throw new AssertionError("README.md:" + command.line() + " runs " + program + ", which this test cannot check yet: "
                    + "teach it how, so that the README stays true");
        }
    }

    /** {@code status} runs against the shared platform; up, down and demo would stop or reuse it, so they are parsed. */
    private void platform(List<String> arguments) {
        List<String> withRunFolder = new ArrayList<>(arguments);
        withRunFolder.addAll(List.of("--run-folder", runFolder.toString()));
        String[] args = withRunFolder.toArray(String[]::new);
        CommandLine.ParseResult parsed = new CommandLine(new PlatformCli()).parseArgs(args);
        if (parsed.hasSubcommand() && parsed.subcommand().commandSpec().name().equals("status")) {
            assertThat(new CommandLine(new PlatformCli()).execute(args)).isZero();
        }
    }

    /** Read-only commands run as written; the others (apply, ...) would change the shared worker, so they are parsed. */
    private void connectctl(ReadmeCommand command, List<String> arguments) throws Exception {
        CommandLine.ParseResult parsed = ConnectCtl.commandLine(new ConnectCtl(Map.of())).parseArgs(arguments.toArray(String[]::new));
        if (parsed.isUsageHelpRequested()
                || parsed.hasSubcommand() && READ_ONLY_CONNECTCTL.contains(parsed.subcommand().commandSpec().name())) {
            assertSucceeds(command, shell(command.text()));
        }
    }

    private void maven(String command) throws IOException {
        Matcher modules = MAVEN_MODULES.matcher(command);
        while (modules.find()) {
            for (String module : modules.group(1).split(",")) {
                assertThat(home.resolve(module).resolve("pom.xml")).as("module %s of: %s", module, command).exists();
            }
        }
        Matcher profiles = MAVEN_PROFILE.matcher(command);
        while (profiles.find()) {
            assertThat(pomTexts()).as("a pom with profile %s, for: %s", profiles.group(1), command)
                    .anySatisfy(pom -> assertThat(pom).contains("<id>" + profiles.group(1) + "</id>"));
        }
    }

    private List<String> pomTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home, 4)) {
            for (Path pom : files.filter(p -> p.getFileName().toString().equals("pom.xml") && !p.toString().contains("/target/")).toList()) {
                texts.add(Files.readString(pom));
            }
        }
        return texts;
    }

    private String withPlatformPorts(String command) {
        String result = command;
        for (Map.Entry<String, String> port : ports.entrySet()) {
            result = result.replace("localhost:" + port.getKey(), "localhost:" + port.getValue())
                    .replace("127.0.0.1:" + port.getKey(), "127.0.0.1:" + port.getValue());
        }
        return result;
    }

    private static void assertSucceeds(ReadmeCommand command, Run run) {
        assertThat(run.exit()).as("README.md:%d exit status of %s; it printed:%n%s", command.line(), command.text(), run.output()).isZero();
        assertThat(run.output()).as("README.md:%d output of %s", command.line(), command.text()).isNotBlank()
                .doesNotContain("\"error\"");
    }

    /** Runs the command with bash from the user's folder, the repository's tools reachable as the README names them. */
    private Run shell(String command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(user, "command", ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command.replaceFirst("^(connect-config|connectors)/",
                home + "/$1/")).directory(user.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("RELAYBOX_RUN_FOLDER");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish in 5 minutes: " + command);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("$ " + command + "\n" + printed);
        return new Run(process.exitValue(), printed);
    }

    private static String port(String url) {
        return Integer.toString(URI.create(url).getPort());
    }

    private record Run(int exit, String output) {
    }
}
