#if canImport(Glibc)
import Glibc
#endif

extension ReportBatch {
  /// Keeps memory a report freed in the process, for the next report, instead of handing it back to
  /// the kernel; process-wide, so a command calls it once, before its first batch.
  ///
  /// A batch allocates and frees report-sized buffers on every core. By glibc's defaults a freed
  /// heap top goes back to the kernel, and blocks past a moving threshold are mapped and unmapped
  /// one by one, so the next report faults the same pages in again, zero-filled, while the other
  /// cores wait on the address space's lock. Here a heap grows 64 MB beyond a request (and keeps
  /// that much when trimmed) and blocks up to 32 MB come from the heaps. On 1,500 reports: page
  /// faults 37,000-53,000 -> 24,000-29,000 and 0.05-0.1 s less kernel time; the command's peak
  /// resident memory unchanged (only pages in use count). Wall time gained 2-6% in some sets of
  /// alternating runs and nothing measurable in others (this machine's noise is larger).
  /// - Returns: false where the C library has no `mallopt` (nothing is changed).
  @discardableResult
  public static func keepFreedMemory() -> Bool {
    #if canImport(Glibc)
    // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out: look it up.
    typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else {
      return false
    }
    let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
    // <malloc.h>: M_TOP_PAD -2, M_MMAP_THRESHOLD -3.
    return mallopt(-2, 64 << 20) == 1 && mallopt(-3, 32 << 20) == 1
    #else
    return false
    #endif
  }
}
