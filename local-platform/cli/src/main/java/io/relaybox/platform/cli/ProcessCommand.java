package io.relaybox.platform.cli;

import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command for one process of the running platform, carried out by its supervisor. */
abstract class ProcessCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The process: postgres, kafka, elasticsearch, s3, connect or a service "
            + "instance such as inventory-service-1 (./platform status lists them).")
    String name;

    /** The request path under {@code /processes/NAME/}. */
    abstract String action();

    @Override
    public Integer call() {
        SupervisorClient supervisor = SupervisorClient.require(cli.runFolder());
        Set<String> names = supervisor.states().keySet();
        if (!names.contains(name)) {
            throw new ParameterException(spec.commandLine(), "NAME: the platform runs no process '" + name + "'; it runs "
                    + String.join(", ", names));
        }
        System.out.println(supervisor.post("processes/" + name + "/" + action()));
        return 0;
    }
}
