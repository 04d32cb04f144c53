import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// What one HTTP exchange (one hop, no redirects followed) ended with.
struct HopOutcome: Sendable {
    /// The response head, nil when the exchange failed before one arrived.
    var response: HTTPURLResponse?
    /// The body received so far (decoded by URLSession).
    var body: Data
    /// A limit we enforced ourselves (size), which takes precedence over the transport error.
    var failure: FetchError?
    /// The `URLError` code URLSession reported, if the exchange failed.
    var errorCode: Int?
    /// URLSession's description of that error.
    var errorMessage: String?
}

/// The session delegate: collects each task's body under a size limit and stops URLSession
/// from following redirects on its own, so `FeedFetcher` sees every hop.
///
/// Delegate callbacks arrive on the session's serial delegate queue; the per-task table is
/// also touched by `start` from any thread, hence the mutex.
final class FetchSessionDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private struct TaskState {
        var continuation: CheckedContinuation<HopOutcome, Never>
        /// Largest body accepted, in bytes after content decoding.
        var limit: Int
        var response: HTTPURLResponse?
        var body = Data()
        var failure: FetchError?
    }

    /// In-flight tasks by `taskIdentifier`.
    private let tasks = Mutex<[Int: TaskState]>([:])

    /// Runs one request without following redirects; cancelling the calling task cancels it.
    func run(_ request: URLRequest, in session: URLSession, limit: Int) async -> HopOutcome {
        let task = session.dataTask(with: request)
        let box = TaskBox(task)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                tasks.withLock { $0[task.taskIdentifier] = TaskState(continuation: continuation, limit: limit) }
                task.resume()
            }
        } onCancel: {
            box.task.cancel()
        }
    }

    // MARK: URLSessionDataDelegate

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let tooLarge = tasks.withLock { table -> Bool in
            guard var state = table[dataTask.taskIdentifier] else { return false }
            state.response = response as? HTTPURLResponse
            // A declared length over the limit is refused before any byte is read. With gzip this
            // is the compressed length: a smaller declared length is still checked while decoding.
            let declared = response.expectedContentLength
            let refuse = declared > 0 && declared > Int64(state.limit)
            if refuse { state.failure = .tooLarge(limit: state.limit) }
            table[dataTask.taskIdentifier] = state
            return refuse
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overLimit = tasks.withLock { table -> Bool in
            guard var state = table[dataTask.taskIdentifier], state.failure == nil else { return false }
            table[dataTask.taskIdentifier] = nil // avoid copying the body on write
            defer { table[dataTask.taskIdentifier] = state }
            if state.body.count + data.count > state.limit {
                state.failure = .tooLarge(limit: state.limit)
                state.body = Data()
                return true
            }
            state.body.append(data)
            return false
        }
        if overLimit { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        // Refuse: the task completes with the 3xx response and FeedFetcher follows the hop itself,
        // checking scheme, loops and hop count and recording whether it was permanent.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let state = tasks.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        guard let state else { return }
        let response = state.response ?? (task.response as? HTTPURLResponse)
        let code = (error as? URLError)?.errorCode ?? (error as NSError?)?.code
        state.continuation.resume(returning: HopOutcome(
            response: response, body: state.body, failure: state.failure,
            errorCode: error == nil ? nil : code, errorMessage: error?.localizedDescription))
    }
}

/// Carries a task into the cancellation handler (URLSessionTask is thread-safe for `cancel`).
private struct TaskBox: @unchecked Sendable {
    let task: URLSessionDataTask
    init(_ task: URLSessionDataTask) { self.task = task }
}
