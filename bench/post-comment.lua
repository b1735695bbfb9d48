-- wrk script: POST distinct comments to the form endpoint (PATH from the env).
local path = os.getenv("POST_PATH")
-- A run id keeps bodies distinct across runs: identical resubmissions of a
-- comment are (rightly) stored once.
math.randomseed(os.time())
local run = math.random(1, 1000000000)
local thread_seq = 0
function setup(thread)
  thread:set("tid", run .. "-" .. thread_seq)
  thread_seq = thread_seq + 1
end
local n = 0
function request()
  n = n + 1
  local body = "name=Reader+" .. tid .. "&email=r" .. tid .. "%40example.com&body=" ..
    "Comment+" .. tid .. "-" .. n .. "+on+the+article%3A+I+agree+with+the+%5Bb%5Dcouncil%5B%2Fb%5D+" ..
    "but+the+budget+worries+me.+What+happens+if+the+costs+rise+again%3F"
  return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
