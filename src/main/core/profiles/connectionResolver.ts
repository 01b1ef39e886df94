/** Kafka properties for a saved connection profile, secrets included (engine-side only). */
export interface ConnectionResolver {
  kafkaProperties(profileId: string): Record<string, string>
  /** The profile's name, for error messages. */
  profileName?(profileId: string): string
}
