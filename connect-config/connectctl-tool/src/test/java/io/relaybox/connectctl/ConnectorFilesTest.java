package io.relaybox.connectctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorFilesTest {

    @TempDir
    Path folder;

    @Test
    void readsEveryJsonFileOfAFolderByName() throws Exception {
        write("b.json", "b");
        write("a.json", "a");
        Files.writeString(folder.resolve("README.md"), "not a connector");

        assertThat(ConnectorFiles.read(List.of(folder))).extracting(ConnectorDefinition::name).containsExactly("a", "b");
    }

    @Test
    void rejectsTheSameConnectorInTwoFiles() throws Exception {
        write("one.json", "same");
        write("two.json", "same");

        assertThatThrownBy(() -> ConnectorFiles.read(List.of(folder))).isInstanceOf(ConnectorFileException.class)
                .hasMessageContaining("connector same is defined twice").hasMessageContaining("one.json").hasMessageContaining("two.json");
    }

    @Test
    void rejectsMissingPathsAndEmptyFolders() {
        assertThatThrownBy(() -> ConnectorFiles.read(List.of(folder.resolve("nope.json"))))
                .isInstanceOf(ConnectorFileException.class).hasMessageEndingWith("nope.json: no such file or folder");
        assertThatThrownBy(() -> ConnectorFiles.read(List.of(folder)))
                .isInstanceOf(ConnectorFileException.class).hasMessageContaining("holds no connector file");
    }

    @Test
    void recordsTheFileEachConnectorCameFrom() throws Exception {
        Path file = write("c.json", "c");

        assertThat(ConnectorFiles.read(List.of(file))).singleElement().extracting(ConnectorDefinition::source).isEqualTo(file.toString());
    }

    private Path write(String fileName, String name) throws Exception {
        return Files.writeString(folder.resolve(fileName), "{\"name\": \"" + name + "\", \"config\": {\"connector.class\": \"X\"}}");
    }
}
