package io.relaybox.connectctl;

/**
 * One plugin installed in the worker.
 *
 * @param className its class
 * @param type source, sink, transformation, converter, header_converter or predicate
 * @param version the plugin's version, empty when it declares none
 */
public record PluginInfo(String className, String type, String version) {
}
