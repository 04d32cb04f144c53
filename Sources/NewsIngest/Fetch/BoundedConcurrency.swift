import Synchronization

/// Runs work on many elements with a cap on how many run at once.
public enum BoundedConcurrency {
    /// Runs `operation` on every element, at most `limit` at a time, and hands each result to
    /// `onResult` (with the element's index) as soon as it is ready, in completion order.
    ///
    /// `onResult` runs on the calling task, one call at a time, so it may mutate local state
    /// and perform serialized work (store writes) while other operations keep running.
    public static func forEach<Element: Sendable, Output: Sendable>(
        _ elements: [Element], limit: Int,
        operation: @escaping @Sendable (Element) async -> Output,
        onResult: (Int, Output) async -> Void
    ) async {
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            func startNext() {
                guard next < elements.count else { return }
                let index = next
                let element = elements[index]
                group.addTask { (index, await operation(element)) }
                next += 1
            }
            for _ in 0..<max(1, limit) { startNext() }
            while let (index, output) = await group.next() {
                await onResult(index, output)
                startNext()
            }
        }
    }

    /// Runs `operation` on every element, at most `limit` at a time, and hands the results to
    /// `onResults` in completion order, in batches of at least `minimumBatch` results (fewer at
    /// the end, once every operation has started): each call gets every result ready by then,
    /// so that serialized work can be shared by results that are ready together.
    ///
    /// `onResults` runs on the calling task, one call at a time. The operations run on `limit`
    /// workers of their own, each taking the next element when done with one, so they go on
    /// while `onResults` works; a worker waits only while `minimumBatch` results are waiting to
    /// be handed over (which bounds the results held in memory).
    public static func forEachBatch<Element: Sendable, Output: Sendable>(
        _ elements: [Element], limit: Int, minimumBatch: Int = 1,
        operation: @escaping @Sendable (Element) async -> Output,
        onResults: ([(index: Int, output: Output)]) async -> Void
    ) async {
        guard !elements.isEmpty else { return }
        let exchange = BatchExchange<Output>(count: elements.count, minimumBatch: max(1, minimumBatch))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<min(max(1, limit), elements.count) {
                group.addTask {
                    while let index = await exchange.nextIndex() {
                        exchange.finish(index, await operation(elements[index]))
                    }
                }
            }
            var delivered = 0
            while delivered < elements.count {
                let batch = await exchange.takeBatch()
                delivered += batch.count
                await onResults(batch)
            }
        }
    }
}

/// Hands element indices to the workers of `forEachBatch` and their results to its consumer.
///
/// The consumer waits until `minimumBatch` results are ready, or until some are and every
/// element has started; a worker waits before starting an element while `minimumBatch` results
/// wait for the consumer. Waiters are resumed outside the lock.
private final class BatchExchange<Output: Sendable>: Sendable {
    typealias Result = (index: Int, output: Output)

    private struct State {
        /// The next element to start.
        var next = 0
        /// Results not yet handed to the consumer, in completion order.
        var ready: [Result] = []
        var consumer: CheckedContinuation<[Result], Never>?
        /// Workers waiting for room, to be given an index (nil: nothing left).
        var workers: [CheckedContinuation<Int?, Never>] = []
    }

    /// Who to resume once the lock is released.
    private struct Wakeups {
        var consumer: (CheckedContinuation<[Result], Never>, [Result])?
        var workers: [(CheckedContinuation<Int?, Never>, Int?)] = []

        func resume() {
            if let (continuation, batch) = consumer { continuation.resume(returning: batch) }
            for (continuation, index) in workers { continuation.resume(returning: index) }
        }
    }

    private let state = Mutex(State())
    /// Elements in all.
    private let count: Int
    private let minimumBatch: Int

    init(count: Int, minimumBatch: Int) {
        self.count = count
        self.minimumBatch = minimumBatch
    }

    /// The next element for a worker to run, nil when every element has started.
    func nextIndex() async -> Int? {
        await withCheckedContinuation { continuation in
            let (index, wakeups) = state.withLock { state -> (Int??, Wakeups) in
                guard state.next < count else { return (.some(nil), Wakeups()) }
                // No more than the consumer waits for (fewer would leave both waiting).
                guard state.ready.count < minimumBatch else {
                    state.workers.append(continuation)
                    return (.none, Wakeups())
                }
                let index = state.next
                state.next += 1
                // Every element has started: a waiting consumer takes what is ready.
                return (.some(index), handOver(&state))
            }
            wakeups.resume()
            if let index { continuation.resume(returning: index) }
        }
    }

    /// Records the result of element `index`.
    func finish(_ index: Int, _ output: Output) {
        let wakeups = state.withLock { state in
            state.ready.append((index, output))
            return handOver(&state)
        }
        wakeups.resume()
    }

    /// The next batch of results: at least `minimumBatch`, or every one ready once every
    /// element has started.
    func takeBatch() async -> [Result] {
        await withCheckedContinuation { continuation in
            let wakeups = state.withLock { state in
                state.consumer = continuation
                return handOver(&state)
            }
            wakeups.resume()
        }
    }

    /// When the consumer waits and a batch is ready: gives it the batch, and the waiting
    /// workers their next elements (there is room again).
    private func handOver(_ state: inout State) -> Wakeups {
        var wakeups = Wakeups()
        guard let consumer = state.consumer, !state.ready.isEmpty,
              state.ready.count >= minimumBatch || state.next >= count else { return wakeups }
        wakeups.consumer = (consumer, state.ready)
        state.consumer = nil
        state.ready = []
        for worker in state.workers {
            if state.next < count {
                wakeups.workers.append((worker, state.next))
                state.next += 1
            } else {
                wakeups.workers.append((worker, nil))
            }
        }
        state.workers = []
        return wakeups
    }
}
