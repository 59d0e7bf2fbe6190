// Public surface of the simulator feature: the mode notice and the fixture token picker.
export { ServerModeNotice } from './components/ServerModeNotice';
export { FixturePicker } from './components/FixturePicker';
