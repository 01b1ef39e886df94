import { describe, expect, it } from 'vitest'
import { translateDeephavenSnippet } from './translate'

const KC = 'from deephaven.stream.kafka import consumer as kc\nfrom deephaven import dtypes as dht\n'

/** Translates a consume call with the given extra arguments after the config and topic. */
function withArgs(extra: string): ReturnType<typeof translateDeephavenSnippet> {
  return translateDeephavenSnippet(`${KC}t = kc.consume({'bootstrap.servers': 'b:9092'}, 'topic', ${extra})`)
}

describe('translateDeephavenSnippet: names and imports', () => {
  it('follows any alias of the consumer module and of dtypes', () => {
    const variants = [
      'from deephaven import kafka_consumer as k\nimport deephaven.dtypes as d\n',
      'import deephaven.stream.kafka.consumer as k\nfrom deephaven import dtypes as d\n',
      'from deephaven.stream.kafka import consumer as k\nfrom deephaven import dtypes as d\n'
    ]
    for (const header of variants) {
      const result = translateDeephavenSnippet(`${header}t = k.consume({}, 'x', value_spec=k.simple_spec('V', d.int32), table_type=k.TableType.append())`)
      expect(result.unmapped).toEqual([])
      expect(result.args).toMatchObject({ valueSpec: { kind: 'simple', columnName: 'V', type: 'int32' }, tableType: { kind: 'append' } })
    }
  })

  it('reads fully qualified names after a plain import', () => {
    const result = translateDeephavenSnippet(
      'import deephaven.stream.kafka.consumer\nimport deephaven.dtypes\nt = deephaven.stream.kafka.consumer.consume({}, "x", value_spec=deephaven.stream.kafka.consumer.simple_spec("V", deephaven.dtypes.long))'
    )
    expect(result.unmapped).toEqual([])
    expect(result.args.valueSpec).toEqual({ kind: 'simple', columnName: 'V', type: 'int64' })
  })

  it('reads names imported one by one, renamed, or with a star', () => {
    const result = translateDeephavenSnippet(`from deephaven.stream.kafka.consumer import consume, simple_spec as ss, KeyValueSpec as KVS
from deephaven.dtypes import *
t = consume({}, 'x', key_spec=KVS.IGNORE, value_spec=ss('V', float32))`)
    expect(result.unmapped).toEqual([])
    expect(result.args).toMatchObject({ keySpec: { kind: 'ignore' }, valueSpec: { kind: 'simple', columnName: 'V', type: 'float32' } })
  })

  it('reads conventional names that were not imported, and says so', () => {
    const result = translateDeephavenSnippet("kc.consume({'bootstrap.servers': 'b'}, 't', value_spec=kc.simple_spec('V', dht.string))")
    expect(result.unmapped).toEqual([])
    expect(result.args.valueSpec).toEqual({ kind: 'simple', columnName: 'V', type: 'string' })
    expect(result.notes).toEqual(expect.arrayContaining(['`kc` is not imported in the snippet; it is read as deephaven.stream.kafka.consumer', expect.stringContaining('`dht` is not imported in the snippet; it is read as deephaven.dtypes')]))
  })

  it('does not take a call of another module for consume', () => {
    const result = translateDeephavenSnippet('import mylib as kc\nt = kc.consume({}, "x")')
    expect(result.args).toEqual({})
    expect(result.unmapped).toContainEqual(expect.objectContaining({ reason: 'no consume(...) call of deephaven.stream.kafka.consumer was found' }))
  })
})

describe('translateDeephavenSnippet: variables', () => {
  it('follows variables assigned earlier, including spread dicts and string concatenation', () => {
    const result = translateDeephavenSnippet(`${KC}
BASE = {'bootstrap.servers': 'kafka:9092', 'security.protocol': 'SASL_SSL'}
config = {**BASE, 'group.id': 'g-' + 'one', 'max.poll.records': 500, 'enable.auto.commit': False}
TOPIC = "orders"
value = kc.json_spec([('Id', dht.int64), ('Name', dht.string)])
t = kc.consume(config, TOPIC, value_spec=value)
`)
    expect(result.unmapped).toEqual([])
    expect(result.args.properties).toEqual({ 'bootstrap.servers': 'kafka:9092', 'security.protocol': 'SASL_SSL', 'group.id': 'g-one', 'max.poll.records': 500, 'enable.auto.commit': false })
    expect(result.args.topic).toBe('orders')
    expect(result.args.valueSpec).toEqual({ kind: 'json', columns: [{ name: 'Id', type: 'int64' }, { name: 'Name', type: 'string' }], mapping: {} })
  })

  it('uses the value a variable has at the consume call', () => {
    const result = translateDeephavenSnippet(`${KC}topic = 'first'\ntopic = 'second'\nt = kc.consume({}, topic)\ntopic = 'third'`)
    expect(result.args.topic).toBe('second')
  })

  it('reads a variable defined from its own earlier value, as Python does', () => {
    const result = translateDeephavenSnippet(`${KC}cfg = {'a': '1'}\ncfg = {**cfg, 'b': '2'}\nparts = [0]\nparts = parts + [1]\nt = kc.consume(cfg, 'x', partitions=parts)`)
    expect(result.unmapped).toEqual([])
    expect(result.args.properties).toEqual({ a: '1', b: '2' })
    expect(result.args.partitions).toEqual([0, 1])
  })

  it('names a variable that refers to itself', () => {
    const result = translateDeephavenSnippet(`${KC}x = x.y\nt = kc.consume({}, x)`)
    expect(result.unmapped).toEqual([{ part: 'x.y', line: 3, reason: 'topic: `x.y` is not a value the snippet defines' }])
  })

  it('names variables the snippet does not define', () => {
    const result = translateDeephavenSnippet(`${KC}t = kc.consume(config, 'x')`)
    expect(result.args.properties).toBeUndefined()
    expect(result.unmapped).toEqual([{ part: 'config', line: 3, reason: 'kafka_config: `config` is not defined in the snippet' }])
  })

  it('names changes made to a variable after it is defined', () => {
    const result = translateDeephavenSnippet(`${KC}cfg = {'a': 'b'}\ncfg['c'] = 'd'\nt = kc.consume(cfg, 'x')`)
    expect(result.args.properties).toEqual({ a: 'b' })
    expect(result.unmapped).toEqual([expect.objectContaining({ line: 4, part: "cfg['c'] = 'd'" })])
  })
})

describe('translateDeephavenSnippet: specs', () => {
  it('reads simple specs with and without a dtype, and FROM_PROPERTIES / None', () => {
    expect(withArgs("key_spec=kc.simple_spec('K'), value_spec=kc.KeyValueSpec.FROM_PROPERTIES").args).toMatchObject({
      keySpec: { kind: 'simple', columnName: 'K' },
      valueSpec: { kind: 'fromProperties' }
    })
    expect(withArgs("key_spec=None, value_spec=kc.simple_spec(col_name='V', data_type=dht.byte_array)").args).toMatchObject({
      keySpec: { kind: 'fromProperties' },
      valueSpec: { kind: 'simple', columnName: 'V', type: 'bytes' }
    })
  })

  it('maps every dtype alias, noting the ones that change', () => {
    const result = withArgs(`value_spec=kc.json_spec({
      'a': dht.bool_, 'b': dht.int8, 'c': dht.short, 'd': dht.int32, 'e': dht.int_, 'f': dht.long,
      'g': dht.single, 'h': dht.float_, 'i': dht.double, 'j': dht.Instant, 'k': dht.char, 'l': dht.BigDecimal,
    })`)
    expect(result.unmapped).toEqual([])
    const types = result.args.valueSpec?.kind === 'json' ? result.args.valueSpec.columns.map((c) => c.type) : []
    expect(types.slice(0, 11)).toEqual(['bool', 'int16', 'int16', 'int32', 'int64', 'int64', 'float32', 'float64', 'float64', 'timestamp', 'string'])
    expect(['decimal', 'string']).toContain(types[11])
    expect(result.notes).toEqual(expect.arrayContaining([expect.stringContaining('dtypes.int8 → int16'), expect.stringContaining('dtypes.char → string')]))
  })

  it('names a dtype without an editor equivalent and drops that spec', () => {
    const result = withArgs("value_spec=kc.json_spec({'A': dht.string, 'B': dht.int32_array})")
    expect(result.args.valueSpec).toBeUndefined()
    expect(result.unmapped).toEqual([{ part: 'dht.int32_array', line: 3, reason: 'value_spec: dtypes.int32_array: array columns have no equivalent in the editor' }])
  })

  it('names Python types used where a dtype belongs', () => {
    const result = withArgs("value_spec=kc.simple_spec('V', str)")
    expect(result.unmapped).toEqual([{ part: 'str', line: 3, reason: 'value_spec: `str` is not a Deephaven dtype (such as dtypes.string or dtypes.int64)' }])
  })

  it('reads Avro specs: subject, version, mapping, mapped_only and a literal schema', () => {
    expect(withArgs("value_spec=kc.avro_spec('orders-value')").args.valueSpec).toEqual({ kind: 'avro', schema: 'orders-value', version: 'latest', framing: 'confluent' })
    expect(withArgs("value_spec=kc.avro_spec('s', schema_version=3, mapping={'a.b': 'AB'}, mapped_only=True)").args.valueSpec).toEqual({
      kind: 'avro',
      schema: 's',
      version: 3,
      mapping: { 'a.b': 'AB' },
      mappedOnly: true,
      framing: 'confluent'
    })
    const literal = translateDeephavenSnippet(`${KC}import json
schema = json.dumps({"type": "record", "name": "R", "fields": [{"name": "id", "type": "long"}]})
t = kc.consume({}, 'x', value_spec=kc.avro_spec(schema))`)
    expect(literal.unmapped).toEqual([])
    expect(literal.args.valueSpec).toEqual({ kind: 'avro', schema: '{"type":"record","name":"R","fields":[{"name":"id","type":"long"}]}', version: 'latest', framing: 'confluent' })
    const triple = withArgs(`value_spec=kc.avro_spec("""
      {"type": "record", "name": "R", "fields": []}
    """)`)
    expect(triple.args.valueSpec).toMatchObject({ schema: '{"type": "record", "name": "R", "fields": []}' })
  })

  it('names a bad Avro schema version', () => {
    const result = withArgs("value_spec=kc.avro_spec('s', schema_version='newest')")
    expect(result.unmapped).toEqual([{ part: "'newest'", line: 3, reason: 'value_spec: schema_version must be "latest" or a version number from 1, not "newest"' }])
  })

  it('reads Protobuf specs from the registry with version, message name, include and protocol', () => {
    const result = translateDeephavenSnippet(`${KC}from deephaven.stream.kafka.consumer import ProtobufProtocol
t = kc.consume({}, 'x', value_spec=kc.protobuf_spec(schema='orders-value', schema_version=2, schema_message_name='shop.Order', include=['/id', '/customer/*'], protocol=ProtobufProtocol.raw()))`)
    expect(result.unmapped).toEqual([])
    expect(result.args.valueSpec).toEqual({ kind: 'protobuf', source: { subject: 'orders-value', version: 2, messageName: 'shop.Order' }, protocol: 'raw', include: ['/id', '/customer/*'] })
    expect(withArgs("value_spec=kc.protobuf_spec('s')").args.valueSpec).toEqual({ kind: 'protobuf', source: { subject: 's' }, protocol: 'serdes' })
  })

  it('names a Protobuf message class, which lives on the Deephaven server', () => {
    const result = withArgs("value_spec=kc.protobuf_spec(message_class='com.acme.Order')")
    expect(result.args.valueSpec).toBeUndefined()
    expect(result.unmapped[0]).toMatchObject({ part: "'com.acme.Order'", line: 3, reason: expect.stringContaining('message_class names a Java class') as unknown })
  })

  it('names unknown spec arguments and non-spec values', () => {
    expect(withArgs("value_spec=kc.simple_spec('V', dht.string, colour='red')").unmapped[0]!.reason).toBe('value_spec: simple_spec has no argument `colour`')
    expect(withArgs('value_spec=make_spec()').unmapped[0]!.reason).toBe('value_spec: `make_spec(...)` is not a Deephaven key/value spec')
  })
})

describe('translateDeephavenSnippet: partitions, offsets and table types', () => {
  it('reads partitions as a list, None or ALL_PARTITIONS', () => {
    expect(withArgs('partitions=[0, 2]').args.partitions).toEqual([0, 2])
    expect(withArgs('partitions=None').args.partitions).toBe('ALL')
    expect(withArgs('partitions=kc.ALL_PARTITIONS').args.partitions).toBe('ALL')
    expect(withArgs('partitions=[-1]').unmapped[0]!.reason).toBe('partitions: every partition is a number from 0')
  })

  it('reads the all-partition seek constants', () => {
    expect(withArgs('offsets=kc.ALL_PARTITIONS_SEEK_TO_BEGINNING').args.offsets).toEqual({ '-1': -1 })
    expect(withArgs('offsets=kc.ALL_PARTITIONS_DONT_SEEK').args.offsets).toEqual({ '-1': -2 })
    expect(withArgs('offsets=kc.ALL_PARTITIONS_SEEK_TO_END').args.offsets).toEqual({ '-1': -3 })
    expect(withArgs('offsets=None').args.offsets).toEqual({ '-1': -2 })
  })

  it('reads a per-partition offsets dict with seek constants and big offsets', () => {
    const result = withArgs('offsets={1: kc.SEEK_TO_END, 3: kc.SEEK_TO_BEGINNING, 5: 27, 6: kc.DONT_SEEK, 7: 9_007_199_254_740_993}')
    expect(result.unmapped).toEqual([])
    expect(result.args.offsets).toEqual({ '1': -3, '3': -1, '5': 27, '6': -2, '7': '9007199254740993' })
  })

  it('names offsets that are not offsets', () => {
    expect(withArgs("offsets={0: -7}").unmapped[0]).toMatchObject({ part: '-7', reason: 'offsets: an offset is a number from 0 or kc.SEEK_TO_BEGINNING / DONT_SEEK / SEEK_TO_END' })
    expect(withArgs("offsets='start'").unmapped[0]!.reason).toMatch(/^offsets: expected kc.ALL_PARTITIONS_SEEK_TO_BEGINNING/)
  })

  it('reads every table type', () => {
    expect(withArgs('table_type=kc.TableType.blink()').args.tableType).toEqual({ kind: 'blink' })
    expect(withArgs('table_type=kc.TableType.append()').args.tableType).toEqual({ kind: 'append' })
    expect(withArgs('table_type=kc.TableType.ring(10_000)').args.tableType).toEqual({ kind: 'ring', capacity: 10000 })
    expect(withArgs('table_type=kc.TableType.ring(capacity=2**10)').args.tableType).toEqual({ kind: 'ring', capacity: 1024 })
    expect(withArgs('table_type=kc.TableType.Append').args.tableType).toEqual({ kind: 'append' })
    const stream = withArgs('table_type=kc.TableType.stream()')
    expect(stream.args.tableType).toEqual({ kind: 'blink' })
    expect(stream.notes).toContain('TableType.stream() is the old name of TableType.blink()')
    expect(withArgs('table_type=kc.TableType.ring(0)').unmapped[0]!.reason).toBe('table_type: the ring capacity is a whole number of rows from 1 to 2^31')
  })
})

describe('translateDeephavenSnippet: what it cannot map', () => {
  it('names f-strings, lambdas and calls with their lines, and keeps everything else', () => {
    const result = translateDeephavenSnippet(`${KC}import os
host = os.environ["KAFKA"]
t = kc.consume(
    {
        'bootstrap.servers': host,
        'client.id': f"viewer-{host}",
        'sasl.jaas.config': make_jaas(),
        'group.id': 'g',
    },
    'topic',
    value_spec=kc.simple_spec('V', dht.string),
    table_type=(lambda: kc.TableType.append())(),
)
print(t)
`)
    expect(result.args).toMatchObject({ topic: 'topic', valueSpec: { kind: 'simple', columnName: 'V', type: 'string' } })
    expect(result.args.properties).toEqual({ 'group.id': 'g' })
    expect(result.args.tableType).toBeUndefined()
    expect(result.unmapped).toEqual([
      { line: 4, part: 'os.environ["KAFKA"]', reason: 'kafka_config: this lookup happens when Python runs; write the value out' },
      { line: 8, part: 'f"viewer-{host}"', reason: 'kafka_config: an f-string is filled in when Python runs; write the text out' },
      { line: 9, part: "kafka_config['sasl.jaas.config']", reason: 'kafka_config: `make_jaas(...)` runs when Python runs; its result is not known here' },
      { line: 14, part: '(lambda: kc.TableType.append())()', reason: 'table_type: expected TableType.append(), TableType.blink() or TableType.ring(N)' },
      { line: 16, part: 'print(t)', reason: 'this works on the table after consume; the editor has no equivalent' }
    ])
  })

  it('names each bad config value without showing secret values', () => {
    const result = translateDeephavenSnippet(`${KC}t = kc.consume({'a': ['x'], 'sasl.jaas.config': {'secret': 'pw'}, 'b': 'ok'}, 'x')`)
    expect(result.args.properties).toEqual({ b: 'ok' })
    expect(result.unmapped.map((u) => u.part)).toEqual(["['x']", "kafka_config['sasl.jaas.config']"])
    expect(JSON.stringify(result)).not.toContain('pw')
  })

  it('names the statements after consume that work on the table, and a second consume call', () => {
    const result = translateDeephavenSnippet(`${KC}t = kc.consume({}, 'a')\nt2 = t.update(["X = 1"])\nu = kc.consume({}, 'b')`)
    expect(result.args.topic).toBe('a')
    expect(result.unmapped).toEqual([
      { part: 't2 = t.update(["X = 1"])', line: 4, reason: 'this works on the table after consume; the editor has no equivalent' },
      { part: "kc.consume({}, 'b')", line: 5, reason: 'another consume call: only the first one is translated' }
    ])
  })

  it('reads a consume call inside a function body and names the def line', () => {
    const result = translateDeephavenSnippet(`${KC}def orders():\n    return kc.consume({}, 'orders')\n`)
    expect(result.args.topic).toBe('orders')
    expect(result.unmapped).toEqual([{ part: 'def orders():', line: 3, reason: '`def` is not run; the lines inside it are read as if they stood alone' }])
  })

  it('names attribute values that are not settings', () => {
    expect(withArgs('partitions=settings.partitions').unmapped[0]!.reason).toBe('partitions: `settings.partitions` is not a value the snippet defines')
  })

  it('names *args/**kwargs and unknown consume arguments', () => {
    expect(withArgs('**extra').unmapped[0]!.reason).toBe('`**` unpacking in the consume call is not read; write the arguments out')
    expect(withArgs('colour=1').unmapped[0]!.reason).toBe('consume has no argument `colour`')
  })

  it('names missing required arguments', () => {
    const result = translateDeephavenSnippet(`${KC}t = kc.consume({})`)
    expect(result.unmapped).toEqual([{ part: 'kc.consume({})', line: 3, reason: 'consume needs a topic' }])
  })
})

describe('translateDeephavenSnippet: malformed input', () => {
  it.each([
    ['', 'the snippet is empty'],
    ['   \n# only a comment\n', 'the snippet is empty'],
    ['print("hello")', 'no consume(...) call of deephaven.stream.kafka.consumer was found']
  ])('says what is missing for %j', (text, reason) => {
    const result = translateDeephavenSnippet(text)
    expect(result.args).toEqual({})
    expect(result.unmapped.at(-1)).toEqual({ part: '', line: 1, reason })
  })

  it('reports syntax errors with their line and still translates the rest', () => {
    const result = translateDeephavenSnippet(`${KC}x = = 1\nt = kc.consume({}, 'ok')\ny = 'unclosed\n`)
    expect(result.args.topic).toBe('ok')
    expect(result.unmapped).toEqual([
      { part: 'x = = 1', line: 3, reason: 'not read as Python: unexpected `=`' },
      { part: "y = 'unclosed", line: 5, reason: 'not read as Python: this string is not closed on its line' }
    ])
  })

  it('reports an unclosed consume call at its first line', () => {
    const result = translateDeephavenSnippet(`${KC}t = kc.consume({}, 'x'\n\nprint(1)\n`)
    expect(result.args).toEqual({})
    expect(result.unmapped.find((u) => u.line === 3)).toMatchObject({ reason: 'not read as Python: `(` opened here is not closed (or a comma is missing before line 5)' })
  })

  it('reports input nested too deeply instead of overflowing', () => {
    const result = translateDeephavenSnippet(`x = ${'['.repeat(20_000)}${']'.repeat(20_000)}`)
    expect(result.unmapped).toEqual([{ part: '', line: 1, reason: 'the snippet is nested too deeply to read' }])
  })

  it('names malformed numbers', () => {
    expect(withArgs('partitions=[0x_]').unmapped[0]!.reason).toBe('partitions: `0x_` is not a number')
  })

  it('never throws on arbitrary text', () => {
    const samples = ['kc.consume(', ')))', '{{{', '"""', "kc.consume(**{})", 'kc.consume(1, 2, 3, 4, 5, 6, 7, 8)', 'kc.consume(*[a])', '\\', 'a.b.c.(', '@@@', 'kc.consume({1: 2}, b"x")', 'kc.consume({}, "x", offsets={**{}})']
    for (const sample of samples) expect(() => translateDeephavenSnippet(sample)).not.toThrow()
  })

  it('never throws on any prefix of a full snippet, and always names something when it stops short', () => {
    const full = `${KC}cfg = {'bootstrap.servers': "b:1", **{'x': 1}}
t = kc.consume(cfg, '''t''', partitions=[0], offsets={0: kc.SEEK_TO_END}, key_spec=kc.avro_spec('s', '2'),
    value_spec=kc.json_spec([('A', dht.int64)], mapping={'a': 'A'}), table_type=kc.TableType.ring(5)) \\
    .update(['B = A'])  # trailing comment
`
    for (let end = 0; end <= full.length; end++) {
      const result = translateDeephavenSnippet(full.slice(0, end))
      expect(result.unmapped.length + Object.keys(result.args).length).toBeGreaterThan(0)
    }
    const result = translateDeephavenSnippet(full)
    expect(result.unmapped).toEqual([{ part: '.update(...)', line: 6, reason: '.update(...) works on the table after consume; the editor has no equivalent' }])
    expect(result.args).toEqual({
      properties: { 'bootstrap.servers': 'b:1', x: 1 },
      topic: 't',
      partitions: [0],
      offsets: { '0': -3 },
      keySpec: { kind: 'avro', schema: 's', version: 2, framing: 'confluent' },
      valueSpec: { kind: 'json', columns: [{ name: 'A', type: 'int64' }], mapping: { a: 'A' } },
      tableType: { kind: 'ring', capacity: 5 }
    })
  })
})
