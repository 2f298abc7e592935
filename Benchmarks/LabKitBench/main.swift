// The lecture's weight-initialisation experiment in LabKit, timed: a batch of
// 16 through six 4096×4096 tanh layers, weights drawn fresh each layer.
// Prints `key=value` lines for scripts/bench, which compares them with numpy.
import Glibc
import LabKit

/// Seconds on the monotonic clock.
func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Seconds of CPU time this thread has used: steadier than the wall clock
/// when other jobs share the cores.
func threadCPUTime() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Seconds of CPU time (user + system) the process has used, all threads.
func processCPUTime() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
  return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
}

/// The lecture's forward pass; returns the last layer's (mean, std).
func lectureExperiment(width: Int, depth: Int) -> (Float, Float) {
  Random.seed(0)
  var x = Tensor.randn([16, width])
  for _ in 0..<depth {
    let w = Tensor.randn([width, width]) * 0.01
    x = tanh(x.matmul(w))
  }
  return (x.mean(), x.std())
}

/// Where one run's time goes: drawing, scaling, matmul, tanh (seconds).
/// The caller keeps each part's best over several runs.
func breakdown(width: Int, depth: Int) -> [Double] {
  Random.seed(0)
  var parts = [Double](repeating: 0, count: 4)
  var x = Tensor.randn([16, width])
  for _ in 0..<depth {
    var t = now()
    var w = Tensor.randn([width, width])
    parts[0] += now() - t
    t = now()
    w *= 0.01
    parts[1] += now() - t
    t = now()
    let h = x.matmul(w)
    parts[2] += now() - t
    t = now()
    x = tanh(h)
    parts[3] += now() - t
  }
  return parts
}

var parts = breakdown(width: 4096, depth: 6)
for _ in 0..<4 {
  parts = zip(parts, breakdown(width: 4096, depth: 6)).map { min($0, $1) }
}
print("breakdown_draw_s=\(parts[0]) breakdown_scale_s=\(parts[1])")
print("breakdown_matmul_s=\(parts[2]) breakdown_tanh_s=\(parts[3])")

let repeats = 5
var times = [Double]()
var last: (Float, Float) = (0, 0)
let cpuStart = processCPUTime()
for _ in 0..<repeats {
  let start = now()
  last = lectureExperiment(width: 4096, depth: 6)
  times.append(now() - start)
}
print("experiment_cpu_s=\((processCPUTime() - cpuStart) / Double(repeats))")
times.sort()
print("experiment_best_s=\(times[0])")
print("experiment_median_s=\(times[repeats / 2])")
print("last_layer_mean=\(last.0) last_layer_std=\(last.1)")

// Sampling speed on one core: fills below the parallel threshold run on the
// calling thread.
var generator = CounterRandom(seed: 1)
var buffer = [Float](repeating: 0, count: 1 << 16)
let rounds = 256
var best = Double.infinity
var bestCPU = Double.infinity
for _ in 0..<3 {
  let start = now()
  let startCPU = threadCPUTime()
  for _ in 0..<rounds {
    buffer.withUnsafeMutableBufferPointer { generator.fillNormal($0) }
  }
  best = min(best, now() - start)
  bestCPU = min(bestCPU, threadCPUTime() - startCPU)
}
print("normal_ns_per_value_one_core=\(best / Double(rounds * buffer.count) * 1e9)")
print("normal_cpu_ns_per_value_one_core=\(bestCPU / Double(rounds * buffer.count) * 1e9)")

// The same draws for one 4096×4096 weight, on every core.
var fill = Double.infinity
for _ in 0..<3 {
  let start = now()
  let w = Tensor.randn([4096, 4096])
  fill = min(fill, now() - start)
  precondition(w.count == 4096 * 4096)
}
print("normal_ns_per_value_all_cores=\(fill / Double(4096 * 4096) * 1e9)")

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("peak_rss_kb=\(usage.ru_maxrss)")
