/**
 * Lua scripts of the Redis token store. Redis runs each script atomically,
 * so the version check and the write cannot interleave with another client.
 */

/**
 * Stores a token only when its fencing version is newer than the stored one.
 * KEYS[1] token hash, KEYS[2] held failure. ARGV[1] version, ARGV[2] JSON
 * value, ARGV[3] time to live in milliseconds. Returns 1 when written, 0 when
 * a token of the same or a newer version is already stored.
 */
export const WRITE_IF_NEWER = `
local stored = redis.call('HGET', KEYS[1], 'version')
if stored and tonumber(stored) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'value', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('DEL', KEYS[2])
return 1
`;

/**
 * Holds a failed mint for later callers, unless a token of the same or a
 * newer version was stored meanwhile. KEYS[1] token hash, KEYS[2] held
 * failure. ARGV[1] version, ARGV[2] JSON failure, ARGV[3] hold in milliseconds.
 */
export const HOLD_FAILURE_IF_NEWER = `
local stored = redis.call('HGET', KEYS[1], 'version')
if stored and tonumber(stored) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1
`;

/** Deletes the lock KEYS[1] only while ARGV[1], the caller's random owner value, still holds it. */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;
