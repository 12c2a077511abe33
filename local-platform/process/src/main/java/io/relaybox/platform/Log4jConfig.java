package io.relaybox.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The log4j2 configuration of the Kafka JVMs: one line per event on stdout, which goes to the process's log file. */
final class Log4jConfig {

    private Log4jConfig() {
    }

    static Path write(Path folder) throws IOException {
        Path file = folder.resolve("log4j2.properties");
        Files.writeString(file, """
                status = warn
                appender.console.type = Console
                appender.console.name = STDOUT
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{ISO8601} %-5p [%t] %c{1} - %m%n
                rootLogger.level = info
                rootLogger.appenderRef.stdout.ref = STDOUT
                logger.reflections.name = org.reflections
                logger.reflections.level = error
                logger.networkclient.name = org.apache.kafka.clients.NetworkClient
                logger.networkclient.level = warn
                """);
        return file;
    }
}
