package io.relaybox.testkit.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.testcontainers.utility.DockerImageName;

/**
 * The images of the container backend, at the versions the root pom pins ({@code kafka.version},
 * {@code debezium.version}, {@code elasticsearch.version}, {@code postgres-image.tag}, {@code minio-image.tag}): Maven
 * writes them into {@code images.properties} when it builds this module. They are the images docker-compose.yml runs.
 */
public final class ContainerImages {

    private static final Properties IMAGES = load();

    /** PostgreSQL 15, the version the local platform's tests expect of the installed server. */
    public static final DockerImageName POSTGRES = image("postgres");
    /** Apache Kafka in KRaft mode, the broker version of the build. */
    public static final DockerImageName KAFKA = image("kafka");
    /** Debezium's Kafka Connect image (Debezium's connectors in its plugin path), the Debezium version of the build. */
    public static final DockerImageName CONNECT = image("connect");
    /** Elasticsearch, the version the local platform runs. */
    public static final DockerImageName ELASTICSEARCH = image("elasticsearch");
    /** MinIO, the S3-compatible store. */
    public static final DockerImageName MINIO = image("minio");

    private ContainerImages() {
    }

    private static DockerImageName image(String name) {
        String image = IMAGES.getProperty(name);
        if (image == null || image.contains("${")) {
            throw new IllegalStateException("images.properties names no image for " + name + " (" + image
                    + "): build the module with Maven, which fills in the versions");
        }
        return DockerImageName.parse(image);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ContainerImages.class.getResourceAsStream("images.properties")) {
            if (in == null) {
                throw new IllegalStateException("images.properties is missing next to " + ContainerImages.class.getName());
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
