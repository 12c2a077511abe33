package io.relaybox.connectctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads connector files: each given file, and every {@code *.json} directly inside each given folder, by name. */
public final class ConnectorFiles {

    private ConnectorFiles() {
    }

    /**
     * @throws ConnectorFileException when a path does not exist, a folder holds no {@code *.json}, a file is malformed
     *         (naming file and position) or two files define the same connector
     */
    public static List<ConnectorDefinition> read(List<Path> filesOrFolders) {
        List<ConnectorDefinition> connectors = new ArrayList<>();
        Map<String, String> sources = new HashMap<>();
        for (Path path : filesOrFolders) {
            for (Path file : files(path)) {
                ConnectorDefinition connector = ConnectorDefinition.read(file);
                String earlier = sources.putIfAbsent(connector.name(), connector.source());
                if (earlier != null) {
                    throw new ConnectorFileException("connector " + connector.name() + " is defined twice: in " + earlier + " and in "
                            + connector.source());
                }
                connectors.add(connector);
            }
        }
        return connectors;
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new ConnectorFileException(path + ": no such file or folder");
        }
        try (Stream<Path> entries = Files.list(path)) {
            List<Path> files = entries.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
            if (files.isEmpty()) {
                throw new ConnectorFileException(path + ": the folder holds no connector file (*.json)");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }
}
