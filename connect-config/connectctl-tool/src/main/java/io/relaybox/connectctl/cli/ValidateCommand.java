package io.relaybox.connectctl.cli;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.relaybox.connectctl.ConnectorDefinition;
import io.relaybox.connectctl.ConnectorProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(footer = "%nPlaceholders, secrets, profiles and exit statuses: connectctl --help.", name = "validate", description = {
        "Validates connectors with the worker (PUT /connector-plugins/{class}/config/validate), deploying nothing.",
        "Prints each field's errors, one per line; exits 1 when there is any."})
final class ValidateCommand extends WorkerCommand {

    @Mixin
    ConnectorFileOptions connectorFiles;

    @Override
    int run() {
        List<ConnectorDefinition> connectors = connectorFiles.read(connection.profile(environment()));
        List<ConnectorProblem> problems = connectorFiles.applier(client(), environment()).validate(connectors);
        Set<String> invalid = problems.stream().map(ConnectorProblem::connector).collect(Collectors.toSet());
        for (ConnectorDefinition connector : connectors) {
            if (!invalid.contains(connector.name())) {
                out().println("valid   " + connector.name());
            }
        }
        problems.forEach(p -> out().println("invalid " + p));
        return problems.isEmpty() ? ConnectCtl.OK : ConnectCtl.INVALID;
    }
}
