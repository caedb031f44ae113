import Testing

@testable import ClaspCLI
