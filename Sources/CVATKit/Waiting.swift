import CVAT
import Foundation
import SpecforgeRuntime

extension CVATClient {
    /// Waits for a background request (`rq_id`) to finish: polls `GET /api/requests/{id}` at
    /// once, then after `config.statusCheckPeriod`, doubling up to
    /// `config.maximumStatusCheckPeriod`, so a long request costs a bounded number of polls.
    /// Throws `CVATError.requestFailed` with the server's message when the server marks it
    /// failed, `CVATError.timeout` after `config.waitTimeout`.
    @discardableResult
    public func waitForCompletion(_ requestId: String, progress: (any ProgressReporter)? = nil) async throws -> Request
    {
        let clock = ContinuousClock()
        let deadline = clock.now + config.waitTimeout
        var period = config.statusCheckPeriod
        progress?.start(total: 100, description: "Waiting for the server", unit: .percent)
        defer { progress?.finish() }
        var reported: Int64 = 0
        while true {
            let request = try await api.requestsApi.retrieve(id: requestId).body()
            if let fraction = request.progress?.value {
                let percent = Int64(fraction * 100)
                if percent > reported {
                    progress?.advance(by: percent - reported)
                    reported = percent
                }
            }
            switch request.status {
            case .finished:
                return request
            case .failed:
                throw CVATError.requestFailed(id: requestId, message: request.message ?? "")
            default:
                break
            }
            guard clock.now + period <= deadline else {
                throw CVATError.timeout(id: requestId, waited: config.waitTimeout)
            }
            try await Task.sleep(for: period)
            period = min(period * 2, config.maximumStatusCheckPeriod)
        }
    }
}
