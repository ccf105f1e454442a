package dev.mensura.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@MensuraInfra(topics = {"testkit.one", "testkit.two"})
class KafkaBrokerIT {

    /** Strong reference: JUL keeps loggers weakly. The Kafka clients log every config at INFO. */
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    static {
        KAFKA_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    @Test
    void createsTopicsIdempotently(KafkaBroker broker) throws Exception {
        broker.createTopics("testkit.one", "testkit.two", "testkit.three");
        broker.createTopics(List.of("testkit.three"));
        try (Admin admin = broker.admin()) {
            // topic metadata reaches the controller's listing a moment after creation returns
            Set<String> names = Set.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && !names.containsAll(List.of("testkit.one", "testkit.two",
                    "testkit.three"))) {
                names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                if (!names.contains("testkit.three")) {
                    Thread.sleep(100);
                }
            }
            assertThat(names).contains("testkit.one", "testkit.two", "testkit.three");
            assertThat(admin.describeTopics(List.of("testkit.one")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("testkit.one").partitions()).hasSize(3);
        }
        assertThat(Infra.kafka()).isSameAs(broker);
    }

    @Test
    void producedRecordIsConsumed(KafkaBroker broker) throws Exception {
        String topic = "testkit.roundtrip";
        broker.createTopics(topic);
        String value = "hello " + UUID.randomUUID();

        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"); // the broker must handle it too
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        RecordMetadata meta;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
            meta = producer.send(new ProducerRecord<>(topic, "k1", value)).get(30, TimeUnit.SECONDS);
        }
        assertThat(meta.offset()).isGreaterThanOrEqualTo(0);

        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "testkit-" + UUID.randomUUID());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (got.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(got::add);
            }
        }
        assertThat(got).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("k1");
            assertThat(r.value()).isEqualTo(value);
        });
    }

    @Test
    void dataDirectoryHoldsWhatIsProduced(KafkaBroker broker) throws Exception {
        assertThat(broker.dataDirectory()).startsWith(broker.directory()).isDirectory();
        assertThat(broker.dataDirectory().resolve("meta.properties")).isRegularFile();
        String topic = "testkit.canary";
        broker.createTopics(topic);
        String canary = "canary-" + UUID.randomUUID();
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
            producer.send(new ProducerRecord<>(topic, "k", canary)).get(30, TimeUnit.SECONDS);
        }
        assertThat(CanaryScan.filesContaining(broker.dataDirectory(), canary))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".log"));
    }
}
