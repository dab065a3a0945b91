/** The content hash the lint cache keys results on. */
import {createHash} from 'node:crypto'

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}
