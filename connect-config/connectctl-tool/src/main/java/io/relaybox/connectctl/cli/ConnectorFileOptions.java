package io.relaybox.connectctl.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.relaybox.connectctl.ConnectClient;
import io.relaybox.connectctl.ConnectorApplier;
import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.ConnectorFiles;
import io.relaybox.connectctl.Profile;
import picocli.CommandLine.Option;

/** The connector files a command works on, and the settings given on the command line. */
final class ConnectorFileOptions {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE|DIR",
            description = "A connector file ({\"name\": ..., \"config\": {...}}) or a folder: every *.json in it. Repeatable.")
    List<Path> files;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Sets a setting in every connector given (after the profile's settings). Repeatable. A secret setting "
                    + "takes only a config-provider reference such as $${env:RELAYBOX_X} or $${file:/path:key}.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The connectors in the files, with the profile's settings replaced where they have them. */
    List<ConnectorDefinition> read(Profile profile) {
        return ConnectorFiles.read(files).stream().map(profile::applyTo).toList();
    }

    /** An applier through the client that resolves {@code ${env:...}} from the environment and adds the {@code --set} settings. */
    ConnectorApplier applier(ConnectClient client, Map<String, String> environment) {
        return ConnectorApplier.to(client).withEnvironment(environment).withOverrides(settings);
    }
}
