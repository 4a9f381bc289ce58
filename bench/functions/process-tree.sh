# Process-tree measures shared by the hosted-function benchmarks (sourced, not run).

# The pids of every descendant of a process.
descendants() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END { for (p in parent) { q = parent[p]; while (q in parent && q != root) q = parent[q]
                              if (q == root) print p } }'
}

# RSS in MB of a process and all its descendants, and how many processes that is.
tree_rss() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END { total = rss[root]; n = 1
          for (p in parent) { q = parent[p]; while (q in parent && q != root) q = parent[q]
                              if (q == root && p != root) { total += rss[p]; n++ } }
          printf "%d %d\n", total / 1024, n }'
}

# CPU clock ticks used so far by a process and by its descendants: "root children"
tree_ticks() {
  local root=$1 pid tag
  for pid in "$root" $(descendants "$root"); do
    tag=kid
    [[ "$pid" == "$root" ]] && tag=root
    # utime and stime: fields 14 and 15, i.e. 12 and 13 after "pid (comm) "
    awk -v tag="$tag" '{ sub(/^.*\) /, ""); print tag, $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || true
  done | awk '{ s[$1] += $2 } END { printf "%d %d\n", s["root"], s["kid"] }'
}
