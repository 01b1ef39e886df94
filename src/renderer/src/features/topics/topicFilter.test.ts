import { describe, expect, it } from 'vitest'
import { filterTopics, formatCount } from './topicFilter'

const topics = [
  { name: 'orders', partitions: 3, internal: false, messages: 10 },
  { name: 'Order-Events', partitions: 1, internal: false, messages: 0 },
  { name: '__consumer_offsets', partitions: 50, internal: true, messages: 5 }
]

describe('filterTopics', () => {
  it('matches a substring in any case and hides internal topics unless asked', () => {
    expect(filterTopics(topics, 'order', false).map((t) => t.name)).toEqual(['orders', 'Order-Events'])
    expect(filterTopics(topics, '', false).map((t) => t.name)).toEqual(['orders', 'Order-Events'])
    expect(filterTopics(topics, 'offsets', true).map((t) => t.name)).toEqual(['__consumer_offsets'])
    expect(filterTopics(topics, ' EVENTS ', true).map((t) => t.name)).toEqual(['Order-Events'])
  })

  it('formats counts with thousands separators', () => {
    expect(formatCount(1234567)).toBe('1,234,567')
  })
})
