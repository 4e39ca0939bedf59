export interface PyconInfo {
  readonly profile: string
  readonly unchecked: string | null
}
export function parsePyconInfo(info: string): PyconInfo | null
