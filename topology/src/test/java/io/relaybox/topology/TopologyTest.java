package io.relaybox.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopologyTest {

    private static final String SHOP = """
            {"services": [
              {"name": "shop", "module": "shop", "database": "shop", "publishes": ["orders"], "consumes": ["stock.events"],
               "instances": 1, "ports": [18080], "health": "/actuator/health", "endpoint": "shop-api"},
              {"name": "stock-service", "module": "consumers/stock-service", "database": "stock", "publishes": ["stock"],
               "consumes": ["orders.events"], "instances": 2, "ports": [18081, 18082], "health": "/ready"}
            ]}
            """;

    @Test
    void derivesNamesOfJarRoleGroupConnectorSlotAndInstancesFromTheEntry() {
        ServiceDescriptor stock = Topology.parse(SHOP).service("stock-service");

        assertThat(stock.jar()).isEqualTo("consumers/stock-service/target/stock-service.jar");
        assertThat(stock.ownerRole()).isEqualTo("stock_app");
        assertThat(stock.consumerGroup()).isEqualTo("stock-service");
        assertThat(stock.sourceConnector()).isEqualTo("stock-outbox-source");
        assertThat(stock.outboxSlot()).isEqualTo("relaybox_stock_outbox");
        assertThat(stock.instanceNames()).containsExactly("stock-service-1", "stock-service-2");
        assertThat(stock.publishedTopics()).containsExactly("stock.events");
        assertThat(stock.endpointName()).isEmpty();
    }

    @Test
    void statusListsTheFirstInstanceUnderTheEndpointNameWhenTheEntryGivesOne() {
        Topology topology = Topology.parse(SHOP);

        assertThat(topology.service("shop").endpointNames()).containsExactly("shop-api");
        assertThat(topology.service("stock-service").endpointNames()).containsExactly("stock-service-1", "stock-service-2");
    }

    @Test
    void aServiceThatPublishesNothingHasNoSourceConnectorAndStillConsumes() {
        String json = SHOP.replace("]}\n", ",\n  {\"name\": \"mailer\", \"module\": \"consumers/mailer\", \"database\": \"mail\", \"publishes\": [],"
                + " \"consumes\": [\"orders.events\"], \"instances\": 1, \"ports\": [18090], \"health\": \"/ready\"}\n]}\n");
        Topology topology = Topology.parse(json);
        ServiceDescriptor mailer = topology.service("mailer");

        assertThat(mailer.hasSourceConnector()).isFalse();
        assertThat(mailer.publishedTopics()).isEmpty();
        assertThat(topology.service("stock-service").hasSourceConnector()).isTrue();
        assertThat(topology.eventTopics()).containsExactly("orders.events", "stock.events");
        assertThat(topology.consumersOf("orders.events")).extracting(ServiceDescriptor::name).containsExactly("stock-service", "mailer");
    }

    @Test
    void aServiceWithoutDatabaseConsumesWithoutInboxAndCannotPublish() {
        String streams = "{\"name\": \"figures\", \"module\": \"consumers/figures\", \"publishes\": [], \"consumes\": [\"orders.events\"],"
                + " \"instances\": 1, \"ports\": [18097], \"health\": \"/ready\"}";
        Topology topology = Topology.parse(SHOP.replace("]}\n", ",\n  " + streams + "\n]}\n"));
        ServiceDescriptor figures = topology.service("figures");

        assertThat(figures.hasDatabase()).isFalse();
        assertThat(figures.hasInbox()).isFalse();
        assertThat(figures.hasSourceConnector()).isFalse();
        assertThat(figures.consumerGroup()).isEqualTo("figures");
        assertThat(topology.consumers()).extracting(ServiceDescriptor::name).contains("figures");
        assertThat(topology.inboxConsumers()).extracting(ServiceDescriptor::name).containsExactly("shop", "stock-service");
        assertThat(topology.withDatabase()).extracting(ServiceDescriptor::name).containsExactly("shop", "stock-service");
        assertThatThrownBy(() -> Topology.parse(SHOP.replace("]}\n", ",\n  " + streams.replace("\"publishes\": []", "\"publishes\": [\"figures\"]")
                + "\n]}\n"))).isInstanceOf(TopologyException.class)
                .hasMessage("service 'figures': 'database' must be given for a service that publishes (its outbox lives there)");
    }

    @Test
    void aSingleInstanceIsNamedAfterItsService() {
        assertThat(Topology.parse(SHOP).service("shop").instanceNames()).containsExactly("shop");
    }

    @Test
    void answersWhoPublishesAndWhoConsumesATopic() {
        Topology topology = Topology.parse(SHOP);

        assertThat(topology.eventTopics()).containsExactly("orders.events", "stock.events");
        assertThat(topology.publisherOf("stock.events").name()).isEqualTo("stock-service");
        assertThat(topology.consumersOf("orders.events")).extracting(ServiceDescriptor::name).containsExactly("stock-service");
        assertThat(topology.withEndpoint("shop-api").name()).isEqualTo("shop");
    }

    @Test
    void refusesAConsumedTopicThatNoServicePublishes() {
        String json = SHOP.replace("\"consumes\": [\"stock.events\"]", "\"consumes\": [\"refunds.events\"]");

        assertThatThrownBy(() -> Topology.parse(json)).isInstanceOf(TopologyException.class)
                .hasMessageContaining("'shop' consumes 'refunds.events', which no service publishes");
    }

    @Test
    void refusesTwoServicesSharingADatabaseOrAPort() {
        assertThatThrownBy(() -> Topology.parse(SHOP.replace("\"database\": \"stock\"", "\"database\": \"shop\"")))
                .isInstanceOf(TopologyException.class).hasMessageContaining("share the database [shop]");
        assertThatThrownBy(() -> Topology.parse(SHOP.replace("[18081, 18082]", "[18081, 18080]")))
                .isInstanceOf(TopologyException.class).hasMessageContaining("share the port [18080]");
    }

    @Test
    void refusesAnEntryWhosePortsDoNotMatchItsInstancesNamingTheField() {
        assertThatThrownBy(() -> Topology.parse(SHOP.replace("[18081, 18082]", "[18081]")))
                .isInstanceOf(TopologyException.class)
                .hasMessage("service 'stock-service': 'ports' must be one port per instance (2)");
    }

    @Test
    void refusesAnUnknownField() {
        assertThatThrownBy(() -> Topology.parse(SHOP.replace("\"health\": \"/ready\"", "\"health\": \"/ready\", \"replicas\": 3")))
                .isInstanceOf(TopologyException.class).hasMessageContaining("replicas");
    }

    @Test
    void refusesATopicNameThatTheSinksWouldNotSubscribeTo() {
        assertThatThrownBy(() -> Topology.parse(SHOP.replace("\"consumes\": [\"orders.events\"]", "\"consumes\": [\"orders\"]")))
                .isInstanceOf(TopologyException.class).hasMessageContaining("'consumes' must be event topics");
    }

    @Test
    void theSinksSubscriptionMatchesEventTopicsButNoDeadLetterTopic() {
        assertThat(EventTopics.isEventTopic("payments.events")).isTrue();
        assertThat(EventTopics.isEventTopic(EventTopics.deadLetter("payments.events"))).isFalse();
        assertThat(EventTopics.isEventTopic("elasticsearch-sink.dlq")).isFalse();
        assertThat(EventTopics.isEventTopic("connect-offsets")).isFalse();
    }

    @Test
    void thePlatformsTopologyLoadsFromTheClassPath() {
        Topology topology = Topology.load();

        assertThat(topology.services()).extracting(ServiceDescriptor::name)
                .containsExactly("order-monolith", "inventory-service", "payment-service", "notification-service", "analytics-streams");
        assertThat(topology.eventTopics()).containsExactly("orders.events", "inventory.events", "payments.events");
    }
}
