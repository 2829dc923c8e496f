/** Every CLI sub-command. Add new ones here (e.g. `digest --preview <email>`). */
import type { CommandRegistry } from '../registry.js';
import { askCommand } from './ask.js';

export function registerCommands(registry: CommandRegistry): CommandRegistry {
  return registry.register(askCommand);
}
