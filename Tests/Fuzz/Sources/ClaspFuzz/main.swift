import ClaspCore
import Foundation
import FuzzShim

/// Runs one fuzz input: the bytes of a report file.
///
/// Reading, repair and parsing must return a report or
/// a `ReadError`/`StructureError` for every input; any other outcome (a trap, a hang past
/// libFuzzer's `-timeout`) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    let report = try ReportLoader.load(bytes: bytes, path: "fuzz.txt")
    // Touch what later stages read, so lazily computed state is exercised too.
    _ = report.metadata.slug
    _ = report.isTruncated
    for unit in report.units { _ = report.citations(of: unit.id) }
  } catch is ReadError {
  } catch is StructureError {
  } catch {
    fatalError("unexpected error type: \(error)")
  }
  return 0
}

// SwiftPM names an executable's entry point itself, which hides libFuzzer's main: hand control to
// libFuzzer's driver from ours.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzOne($0, $1) })
