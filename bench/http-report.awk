# The table of bench/http.sh from its result lines: RESULT/WARMUP <label> <mode> <req/s> <p50> <p99> <non-2xx>
# <socket errors> <requests>, RSS <label> <MiB> <per process>, LOAD <label> <1 5 15 min>, PETS <label> <rows>.
# Labels: jvm or native, with -lb1 / -lb2 for one / two replicas behind the balancer.
$1 == "RESULT" { a = $2; m = $3; rps[a, m] = $4; p50[a, m] = $5; p99[a, m] = $6; non2xx[a, m] = $7; sock[a, m] = $8; n[a, m] = $9
                 if (!(a in seen)) { seen[a] = 1; labels[++count] = a } }
$1 == "WARMED" { rounds[$2] = $3 }
$1 == "RSS" { rss[$2] = $3; rss_each[$2] = $4 }
$1 == "LOAD" { load[$2] = $3 " " $4 " " $5 }
$1 == "PETS" { pets[$2] = $3 }
$1 == "SPLIT" { split_of[$2] = $3 }
END {
  name["index"] = "GET / (no DB)"; name["get-by-id"] = "GET /pets/{id}"; name["list"] = "GET /pets?size=20"; name["post"] = "POST /pets"
  split("index get-by-id list post", modes, " ")
  for (i = 1; i <= count; i++) { a = labels[i]
    printf "\n%s (warm-up rounds %d; load average after the run %s)\n", a, rounds[a], load[a]
    printf "%-18s %8s %10s %10s %9s %9s %9s\n", "endpoint", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx", "sock-err"
    errors = 0
    for (j = 1; j <= 4; j++) { m = modes[j]
      printf "%-18s %8.0f %10.2f %10.2f %9d %9d %9d\n", name[m], rps[a, m], p50[a, m], p99[a, m], n[a, m], non2xx[a, m], sock[a, m]
      errors += non2xx[a, m] + sock[a, m] }
    printf "ratio GET-by-id / no-DB: %.2f (target >= 0.5), POST / no-DB: %.2f (target >= 0.1)\n", rps[a, "get-by-id"] / rps[a, "index"], rps[a, "post"] / rps[a, "index"]
    printf "errors (non-2xx + socket): %d (target 0); RSS after the run: %s MiB%s\n", errors, rss[a], (rss_each[a] ~ /\+/ ? " (" rss_each[a] ")" : "")
    if (a in split_of) printf "HTTP requests each replica served (its own metrics): %s\n", split_of[a]
    # the table was cut back to the 1000 seeded pets after the warm-up: every 201 of the measured POST run must be a
    # stored row (requests still in flight when wrk stopped may add up to one per connection on top)
    acknowledged = 1000 + n[a, "post"] - non2xx[a, "post"]
    printf "pets stored: %s, seeded + POSTs acknowledged in the run: %d, %s\n", pets[a], acknowledged,
      (pets[a] == "?" ? "not counted" : (pets[a] + 0 >= acknowledged ? "none lost" : "LOST " acknowledged - pets[a]))
  }
  split("| -lb1 | -lb2", suffixes, "|")
  for (k = 1; k <= 3; k++) { jvm = "jvm" suffixes[k]; nat = "native" suffixes[k]
    if (!((jvm, "index") in rps) || !((nat, "index") in rps)) continue
    printf "\n%s / %s:", nat, jvm
    for (j = 1; j <= 4; j++) { m = modes[j]; printf " %s %.2f%s", name[m], rps[nat, m] / rps[jvm, m], (j > 1 ? " (target >= 0.7)" : ""); printf (j < 4 ? ";" : "\n") }
    printf "%s / %s RSS: %.2f (target <= 0.25); JVM RSS target <= 300 MiB\n", nat, jvm, rss[nat] / rss[jvm]
  }
  for (k = 2; k <= 3; k++) { base = "jvm"; other = "jvm" suffixes[k]
    for (t = 1; t <= 2; t++) {
      if (((base, "index") in rps) && ((other, "index") in rps)) {
        printf "\n%s / %s:", other, base
        for (j = 1; j <= 4; j++) { m = modes[j]; printf " %s %.2f%s", name[m], rps[other, m] / rps[base, m], (j < 4 ? ";" : "\n") }
      }
      base = "native"; other = "native" suffixes[k]
    }
  }
}
