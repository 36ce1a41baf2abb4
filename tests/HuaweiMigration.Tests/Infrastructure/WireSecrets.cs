using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Simulator;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>
    /// Every secret clients sent a simulator (tokens, signatures, passwords), as it read them off the wire. The request
    /// log keeps them out, so tests that look for them in a client's output, or check which token a call carried,
    /// learn them here: from the moment this is made until it is disposed.
    /// </summary>
    public sealed class WireSecrets : IDisposable
    {
        private readonly SimulatorState _state;
        private readonly ConcurrentQueue<(long Sequence, string Where, string Value)> _seen = new();

        public WireSecrets(SimulatorState state)
        {
            _state = state;
            state.SecretRedacted += OnSecret;
        }

        /// <summary>Each one with the sequence of its request and where it was: a header name, "body", or "query NAME".</summary>
        public IReadOnlyList<(long Sequence, string Where, string Value)> All => _seen.ToArray();

        /// <summary>The values seen in <paramref name="where"/> (a header name, case-insensitive, "body" or "query NAME").</summary>
        public IEnumerable<string> In(string where) =>
            All.Where(s => string.Equals(s.Where, where, StringComparison.OrdinalIgnoreCase)).Select(s => s.Value);

        /// <summary>What <paramref name="request"/> carried in <paramref name="where"/>, or null.</summary>
        public string? Of(RecordedRequest request, string where) =>
            All.Where(s => s.Sequence == request.Sequence && string.Equals(s.Where, where, StringComparison.OrdinalIgnoreCase)).Select(s => s.Value).FirstOrDefault();

        public void Clear() => _seen.Clear();

        public void Dispose() => _state.SecretRedacted -= OnSecret;

        private void OnSecret(long sequence, string where, string value) => _seen.Enqueue((sequence, where, value));
    }
}
