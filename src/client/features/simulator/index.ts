// Public surface of the simulator feature: the mode notice and the fixture token picker.
export { ServerModeNotice } from './ServerModeNotice';
export { FixturePicker } from './FixturePicker';
