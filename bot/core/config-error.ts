/** Thrown at start when the environment or a configuration file is invalid; its message lists every problem. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
}
