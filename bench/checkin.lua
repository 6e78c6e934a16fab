-- wrk script for bench/checkin. Arguments (after --): tokens file, the kind of every press (IN or OUT), paced total rate
-- (requests/s, 0: as fast as possible), connections. Each wrk thread takes its share of the employees and walks
-- through them. Every press is of the given kind: in a run of check-ins an employee's later presses are refused (409,
-- one check-in a day), and every check-out replaces the one before, as a real late check-out does. (Only the first
-- press was a check-in once, but wrk builds one request per thread that it never sends, so that employee never
-- checked in and each of their check-outs was refused.) Every press has a fresh clientRequestId.
local mine, index, counter, prefix, kind, pause = {}, 0, 0, "", "OUT", 0
local threads, next_id = {}, 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file, rate, connections = args[1], tonumber(args[3] or "0"), tonumber(args[4] or "1")
  kind = args[2] or "OUT"
  local n = 0
  for line in io.lines(file) do
    local code, user, token = line:match("(%S+) (%S+) (%S+)")
    if n % 2 == id % 2 then   -- wrk runs two threads (-t2) in bench/checkin
      mine[#mine + 1] = { path = "/api/v1/t/" .. code .. "/attendance/check-ins", user = user,
        headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token } }
    end
    n = n + 1
  end
  if #mine == 0 then   -- fewer employees than threads: share them
    for line in io.lines(file) do
      local code, user, token = line:match("(%S+) (%S+) (%S+)")
      mine[#mine + 1] = { path = "/api/v1/t/" .. code .. "/attendance/check-ins", user = user,
        headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token } }
    end
  end
  prefix = string.format("b%d-%d-%d", os.time(), id, math.random(1, 1000000000))
  if rate > 0 then pause = connections * 1000 / rate end
end

function delay()
  return pause
end

function request()
  index = index % #mine + 1
  local e = mine[index]
  counter = counter + 1
  local body = string.format('{"kind":"%s","latitude":-1.7357,"longitude":119.5462,"accuracy":10,"clientRequestId":"%s-%d","deviceId":"%s"}',
    kind, prefix, counter, e.user)
  return wrk.format("POST", e.path, e.headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests=%d rps=%.1f p50_ms=%.1f p99_ms=%.1f non2xx=%d socket_errors=%d\n", summary.requests,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
