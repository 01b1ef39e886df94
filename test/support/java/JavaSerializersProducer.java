import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.*;

/**
 * Writes one topic per simple type with Kafka's own Java serializers, so the tests check our decoding against
 * the real byte layout. Usage: java -cp "libs/*" JavaSerializersProducer.java <bootstrap> <topicPrefix>
 * Each topic gets the same values in partition 0, in this order, with the key set to the value's index as a string.
 */
public class JavaSerializersProducer {
  public static void main(String[] args) throws Exception {
    String bootstrap = args[0];
    String prefix = args[1];
    send(bootstrap, prefix + "-int16", new ShortSerializer(), new Short[] {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, null});
    send(bootstrap, prefix + "-int32", new IntegerSerializer(), new Integer[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, null});
    send(bootstrap, prefix + "-int64", new LongSerializer(), new Long[] {0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, null});
    send(bootstrap, prefix + "-float32", new FloatSerializer(), new Float[] {0f, 1.5f, -2.25f, Float.MAX_VALUE, Float.MIN_VALUE, null});
    send(bootstrap, prefix + "-float64", new DoubleSerializer(), new Double[] {0d, 1.5d, -2.25d, Double.MAX_VALUE, Double.MIN_VALUE, null});
    send(bootstrap, prefix + "-string", new StringSerializer(), new String[] {"", "hello", "grüße 東京 🚀", "tab\tnew\nline", null});
    send(bootstrap, prefix + "-bytes", new ByteArraySerializer(), new byte[][] {new byte[0], new byte[] {0, 1, (byte) 0xff, 0x7f}, null});
    send(bootstrap, prefix + "-bool", new BooleanSerializer(), new Boolean[] {true, false, null});
    send(bootstrap, prefix + "-uuid", new UUIDSerializer(), new UUID[] {UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), null});
    for (String codec : new String[] {"gzip", "snappy", "lz4", "zstd"}) sendCompressed(bootstrap, prefix + "-" + codec, codec);
  }

  /** 500 string records in batches compressed with `codec`, the way Java producers frame them. */
  static void sendCompressed(String bootstrap, String topic, String codec) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("compression.type", codec);
    props.put("linger.ms", "50");
    props.put("batch.size", "65536");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 500; i++) producer.send(new ProducerRecord<>(topic, 0, "k" + i, codec + " record " + i + " " + "x".repeat(i % 50)));
      producer.flush();
    }
  }

  static <T> void send(String bootstrap, String topic, Serializer<T> serializer, T[] values) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("acks", "all");
    try (KafkaProducer<String, T> producer = new KafkaProducer<>(props, new StringSerializer(), serializer)) {
      for (int i = 0; i < values.length; i++) {
        producer.send(new ProducerRecord<>(topic, 0, 1_700_000_000_000L + i, Integer.toString(i), values[i])).get();
      }
    }
  }
}
