import { describe, expect, it } from 'vitest'
import { jsonObject } from './jsonObject'
import { decodeWith } from './testSupport'

const j = jsonObject

describe('jsonObject tuples, typed objects and arrays of objects', () => {
  it('tuple(): one column per position, named by index or by an object of names; the arity is checked', () => {
    const provider = j({
      pos: j.tuple([j.double(), j.double()]),
      row: j.tuple({ name: j.string(), age: j.int(), where: j.tuple([j.long(), j.long()]) }, { allowNull: true })
    })
    expect(provider.columns().map((c) => `${c.name}:${c.type}`)).toEqual(['pos_0:float64', 'pos_1:float64', 'row_name:string', 'row_age:int32', 'row_where_0:int64', 'row_where_1:int64'])
    const { rows, errors } = decodeWith(provider, [
      '{"pos":[1.5,-2],"row":["a",3,[4,5]]}',
      '{"pos":[0,0],"row":null}',
      '{"pos":[1],"row":null}',
      '{"pos":[1,2,3],"row":null}',
      '{"pos":{"0":1,"1":2},"row":null}',
      '{"pos":[1,2],"row":["a","3",[4,5]]}'
    ])
    expect(errors).toEqual([
      null,
      null,
      "field 'pos': an array of 1 is not a tuple of 2",
      "field 'pos': an array of 3 is not a tuple of 2",
      "field 'pos': an object is not an array of 2 values",
      'field \'row[1]\': "3" is not an integer'
    ])
    expect(rows).toEqual([
      { pos_0: 1.5, pos_1: -2, row_name: 'a', row_age: 3, row_where_0: 4n, row_where_1: 5n },
      { pos_0: 0, pos_1: 0, row_name: null, row_age: null, row_where_0: null, row_where_1: null }
    ])
  })

  it('typedObject(): the type field chooses the fields that apply; columns are type, shared, <type>_<field>', () => {
    const provider = j({
      msg: j.typedObject({
        typeField: 'type',
        shared: { symbol: j.string() },
        objects: {
          trade: { price: j.double(), size: j.long() },
          quote: j.object({ bid: j.double(), ask: j.double(), venue: j.object({ id: j.int() }, { allowMissing: true }) }, { allowUnknownFields: false })
        },
        allowMissing: true,
        onMissing: 'none'
      })
    })
    expect(provider.columns().map((c) => `${c.name}:${c.type}`)).toEqual([
      'msg_type:string',
      'msg_symbol:string',
      'msg_trade_price:float64',
      'msg_trade_size:int64',
      'msg_quote_bid:float64',
      'msg_quote_ask:float64',
      'msg_quote_venue_id:int32'
    ])
    const { rows, errors } = decodeWith(provider, [
      '{"msg":{"symbol":"FOO","price":70.03,"type":"trade","size":42,"extra":1}}',
      '{"msg":{"type":"quote","symbol":"BAR","bid":10.01,"ask":10.05,"venue":{"id":7}}}',
      '{}',
      '{"msg":{"type":"quote","symbol":"BAR","bid":10.01,"ask":10.05,"price":1}}',
      '{"msg":{"type":"cancel","symbol":"BAR"}}',
      '{"msg":{"symbol":"BAR"}}',
      '{"msg":{"type":"trade","symbol":"BAR","price":1}}'
    ])
    expect(errors).toEqual([
      null,
      null,
      null,
      "field 'msg': unknown field 'price' (allowUnknownFields is false)",
      "field 'msg': unknown type \"cancel\" (known: trade, quote; allowUnknownTypes is not set)",
      "field 'msg': the type field 'type' is missing",
      "field 'msg.size' is missing (allowMissing is not set)"
    ])
    const none = { msg_symbol: null, msg_trade_price: null, msg_trade_size: null, msg_quote_bid: null, msg_quote_ask: null, msg_quote_venue_id: null }
    expect(rows).toEqual([
      { ...none, msg_type: 'trade', msg_symbol: 'FOO', msg_trade_price: 70.03, msg_trade_size: 42n },
      { ...none, msg_type: 'quote', msg_symbol: 'BAR', msg_quote_bid: 10.01, msg_quote_ask: 10.05, msg_quote_venue_id: 7 },
      { ...none, msg_type: 'none' }
    ])
  })

  it('typedObject() with allowUnknownTypes keeps the type and nulls every other column', () => {
    const provider = j({ m: j.typedObject({ typeField: 't', shared: { s: j.string() }, objects: { a: { x: j.long() } }, allowUnknownTypes: true }) })
    const { rows, errors } = decodeWith(provider, ['{"m":{"t":"b","s":"v","y":1}}'])
    expect(errors).toEqual([null])
    expect(rows).toEqual([{ m_t: 'b', m_s: null, m_a_x: null }])
    expect(() => j.typedObject({ typeField: 't', shared: { s: j.string() }, objects: { a: { s: j.long() } } })).toThrow(/already the type field or a shared field/)
  })

  it('arrays of objects give one list column per leaf; arrays of instants list<timestamp>', () => {
    const provider = j({
      fills: j.array(j.object({ px: j.double(), qty: j.long({ onMissing: 0 }), at: j.instant(), venue: j.object({ id: j.string() }, { allowNull: true }) }, { allowNull: true }), {
        allowMissing: true
      }),
      times: j.array(j.instant({ numberFormat: 'ms' }))
    })
    expect(provider.columns().map((c) => `${c.name}:${c.type}`)).toEqual([
      'fills_px:list<float64>',
      'fills_qty:list<int64>',
      'fills_at:list<timestamp>',
      'fills_venue_id:list<string>',
      'times:list<timestamp>'
    ])
    const { rows, errors } = decodeWith(provider, [
      '{"fills":[{"px":1.5,"qty":2,"at":"2024-01-01T00:00:00Z","venue":{"id":"X"}},null,{"px":2,"at":"2024-01-01T00:00:01Z","venue":null}],"times":[1,2]}',
      '{"fills":[],"times":[]}',
      '{"times":[]}',
      '{"fills":[{"px":"1","at":"2024-01-01T00:00:00Z","venue":null}],"times":[]}',
      '{"fills":[3],"times":[]}'
    ])
    expect(errors).toEqual([null, null, null, 'field \'fills\': element 0: field \'px\': "1" is not a number', "field 'fills': element 0: 3 is not an object"])
    expect(rows).toEqual([
      {
        fills_px: [1.5, null, 2],
        fills_qty: [2n, null, 0n],
        fills_at: [1_704_067_200_000_000_000n, null, 1_704_067_201_000_000_000n],
        fills_venue_id: ['X', null, null],
        times: [1_000_000n, 2_000_000n]
      },
      { fills_px: [], fills_qty: [], fills_at: [], fills_venue_id: [], times: [] },
      { fills_px: null, fills_qty: null, fills_at: null, fills_venue_id: null, times: [] }
    ])
  })

  it('arrays of arrays stay compact JSON text; lists inside arrays of objects are refused', () => {
    const provider = j({ m: j.array(j.tuple([j.long(), j.long()])) })
    expect(provider.columns()).toEqual([{ name: 'm', type: 'string' }])
    const { rows, errors } = decodeWith(provider, ['{"m":[[1, 2], [3, 4]]}', '{"m":[{"a":1}]}'])
    expect(errors).toEqual([null, "field 'm': element 0 is not an array"])
    expect(rows).toEqual([{ m: '[[1,2],[3,4]]' }])
    expect(() => j({ a: j.array(j.object({ b: j.array(j.long()) })) })).toThrow(/not supported/)
  })

  it('element objects of arrays may hold tuples and typed objects (their columns become lists)', () => {
    const provider = j({ a: j.array(j.object({ p: j.tuple([j.long(), j.long()]), e: j.typedObject({ typeField: 't', objects: { x: { v: j.int() } }, allowNull: true, onNull: 'none' }) })) })
    expect(provider.columns().map((c) => `${c.name}:${c.type}`)).toEqual(['a_p_0:list<int64>', 'a_p_1:list<int64>', 'a_e_t:list<string>', 'a_e_x_v:list<int32>'])
    const { rows, errors } = decodeWith(provider, ['{"a":[{"p":[1,2],"e":{"t":"x","v":3}},{"p":[3,4],"e":null}]}'])
    expect(errors).toEqual([null])
    expect(rows).toEqual([{ a_p_0: [1n, 3n], a_p_1: [2n, 4n], a_e_t: ['x', 'none'], a_e_x_v: [3, null] }])
  })
})
