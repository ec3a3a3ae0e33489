// Travel bans (court and security orders) that stop a person from leaving the kingdom.
export interface TravelBans {
  isBanned(idNumber: string): Promise<boolean>;
}
