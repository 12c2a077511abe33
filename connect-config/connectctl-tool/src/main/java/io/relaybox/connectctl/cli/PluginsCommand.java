package io.relaybox.connectctl.cli;

import java.util.List;

import io.relaybox.connectctl.PluginInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plugins", description = "Lists the plugins installed in the worker: class, type and version.")
final class PluginsCommand extends WorkerCommand {

    @Option(names = "--all", description = "Also transforms, predicates and converters, not only connectors.")
    boolean all;

    @Override
    int run() {
        List<PluginInfo> plugins = client().plugins(all);
        int width = plugins.stream().mapToInt(p -> p.className().length()).max().orElse(0);
        String format = "%-" + Math.max(width, "CLASS".length()) + "s  %-16s  %s%n";
        out().printf(format, "CLASS", "TYPE", "VERSION");
        plugins.forEach(p -> out().printf(format, p.className(), p.type(), p.version().isEmpty() ? "-" : p.version()));
        return ConnectCtl.OK;
    }
}
