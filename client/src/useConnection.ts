import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export function useConnection(): { state: ConnectionState; socket: Socket | null } {
  const [state, setState] = useState<ConnectionState>('connecting');
  const [socket, setSocket] = useState<Socket | null>(null);
  useEffect(() => {
    const connection = io({ transports: ['websocket'] });
    connection.on('connect', () => setState('connected'));
    connection.on('disconnect', () => setState('disconnected'));
    connection.io.on('reconnect_attempt', () => setState('disconnected'));
    setSocket(connection);
    return () => {
      connection.close();
    };
  }, []);
  return { state, socket };
}
