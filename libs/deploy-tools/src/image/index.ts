export { imageRecordPath, readImageRecord, writeImageRecord, type ImageRecord } from './record';
