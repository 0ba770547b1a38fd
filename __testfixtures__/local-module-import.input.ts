import { startRecord, stopRecord } from './mic'
import * as mic from '../../services/mic'

export function begin(): void {
  startRecord({ success: (path: string) => console.log(path) })
  mic.startRecord()
}

export function end(): void {
  stopRecord()
  mic.stopRecord()
}
